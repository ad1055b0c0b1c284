namespace Outbound.Core.Pacing;

/// <summary>Rules every strategy obeys before and after its own arithmetic.</summary>
internal static class PacingGuards
{
    /// <summary>A decision that overrides the strategy: nobody to take a call, or nothing left to dial.</summary>
    public static PacingDecision? Stop(PacingSnapshot snapshot, double dialLevel)
    {
        if (snapshot.EligibleAgents == 0) return PacingDecision.None(dialLevel, PacingReason.NoEligibleAgent);
        if (snapshot.LeadsAvailable is <= 0) return PacingDecision.None(dialLevel, PacingReason.NoLeads);
        return null;
    }

    /// <summary>Never more lines than leads left, never fewer than zero.</summary>
    public static PacingDecision Lines(PacingSnapshot snapshot, int lines, double dialLevel, PacingReason reason)
    {
        var capped = Math.Max(0, snapshot.LeadsAvailable is { } leads ? Math.Min(lines, leads) : lines);
        return capped == 0 ? PacingDecision.None(dialLevel, PacingReason.EnoughInFlight) : new PacingDecision(capped, dialLevel, reason);
    }
}
