using NodaTime;
using Outbound.Core.Campaigns;

namespace Outbound.Core.Compliance;

/// <summary>What becomes of a lead after an attempt.</summary>
public abstract record LeadNextStep
{
    /// <summary>No more calls to this lead in this campaign.</summary>
    public sealed record Done(string Reason) : LeadNextStep;

    /// <summary>Try again, not before <paramref name="At"/>.</summary>
    public sealed record Retry(Instant At) : LeadNextStep;

    /// <summary>A scheduled callback (预约回拨): owned by <paramref name="Agent"/>, or open to any agent when null.</summary>
    public sealed record Callback(Instant At, string? Agent) : LeadNextStep;
}

/// <summary>A callback the agent booked while dispositioning a call.</summary>
public sealed record CallbackRequest(Instant At, bool OwnedByAgent);

/// <summary>Turns the outcome of an attempt into the lead's next step: retry delay per outcome, attempt limit, callbacks.</summary>
public static class RetryScheduler
{
    /// <param name="attemptsMade">Attempts made to the lead including the one that just ended.</param>
    /// <param name="dispositionIsFinal">For answered calls: whether the agent's disposition closes the lead.</param>
    public static LeadNextStep Next(
        CompliancePolicy policy, CallOutcome outcome, int attemptsMade, Instant endedAt,
        bool dispositionIsFinal = true, CallbackRequest? callback = null, string? agentId = null)
    {
        if (callback is not null)
            return new LeadNextStep.Callback(callback.At, callback.OwnedByAgent ? agentId : null);
        if (outcome == CallOutcome.Answered && dispositionIsFinal) return new LeadNextStep.Done("answered");
        if (outcome == CallOutcome.Invalid) return new LeadNextStep.Done("invalid_number");
        if (attemptsMade >= policy.MaxAttempts) return new LeadNextStep.Done(RefusalReason.MaxAttempts.Code());
        if (!policy.RetryDelayMinutes.TryGetValue(outcome, out var minutes))
            return outcome == CallOutcome.Answered
                ? new LeadNextStep.Retry(endedAt + Duration.FromMinutes(policy.RetryDelayMinutes.GetValueOrDefault(CallOutcome.NoAnswer, 60)))
                : new LeadNextStep.Done("final_outcome");

        var at = endedAt + Duration.FromMinutes(minutes);
        if (outcome == CallOutcome.Abandoned && policy.Regulator.NoRepeatAfterAbandon is { } quiet && at < endedAt + quiet)
            at = endedAt + quiet;
        return new LeadNextStep.Retry(at);
    }

    /// <summary>
    /// The next step after an attempt that ended with the agent's <paramref name="disposition"/> (null: none was given):
    /// the disposition closes the lead unless the campaign marks it as not final.
    /// </summary>
    public static LeadNextStep AfterAttempt(
        CompliancePolicy policy, IReadOnlyList<Disposition> dispositions, CallOutcome outcome, int attemptsMade, Instant endedAt,
        string? disposition, CallbackRequest? callback, string? agentId)
    {
        var final = disposition is null || dispositions.FirstOrDefault(d => d.Code == disposition)?.IsFinal != false;
        return Next(policy, outcome, attemptsMade, endedAt, final, callback, agentId);
    }
}
