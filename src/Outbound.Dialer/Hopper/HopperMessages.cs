using Outbound.Core.Compliance;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;

namespace Outbound.Dialer.Hopper;

/// <summary>The campaign's conversation with its hopper.</summary>
public static class HopperProtocol
{
    /// <summary>Up to <paramref name="Count"/> leased leads for predictive or progressive dialing.</summary>
    public sealed record Take(int Count);

    public sealed record Taken(IReadOnlyList<LeasedLead> Leads, int Requested);

    /// <summary>One lead for this agent to preview: its own callbacks first, then open leads.</summary>
    public sealed record TakeFor(string AgentId);

    public sealed record TakenFor(string AgentId, LeasedLead? Lead);

    public sealed record Release(LeadId LeadId, LeadRelease How);

    /// <summary>Give every buffered lead back (pause, stop); replies <see cref="AllReleased"/>.</summary>
    public sealed record ReleaseAll;

    public sealed record AllReleased(int Count);

    public sealed record CountRefusals(IReadOnlyDictionary<RefusalReason, int> Counts);

    public sealed record GetStatus;

    /// <param name="Exhausted">The last lease found fewer callable leads than it asked for.</param>
    public sealed record Status(int Buffered, bool Exhausted);
}
