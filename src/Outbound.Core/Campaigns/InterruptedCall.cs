using NodaTime;
using Outbound.Core.Compliance;

namespace Outbound.Core.Campaigns;

/// <summary>
/// An attempt a crash or a stop cut short, as far as it got: the outcome it is recorded with says what the customer
/// lived through, so that a reached customer is not called again as if nobody had answered.
/// </summary>
public static class InterruptedCall
{
    public const string FailureReason = "interrupted";

    /// <summary>
    /// Connected to an agent: answered (the conversation happened, the disposition decides the rest). A machine: machine.
    /// A person who answered before any agent took the call: abandoned — they heard silence and were dropped, which the
    /// regulator counts as an abandoned call. Not answered yet: failed.
    /// </summary>
    public static CallOutcome Outcome(bool answered, bool byMachine, bool connected) =>
        connected ? CallOutcome.Answered
        : answered && byMachine ? CallOutcome.Machine
        : answered ? CallOutcome.Abandoned
        : CallOutcome.Failed;

    /// <summary>
    /// The lead's next step: a call that got as far as an answer follows the campaign's rules for that outcome (and the
    /// agent's disposition or callback, when given); one cut off before any answer was dialled once and is tried again
    /// after <paramref name="retryDelay"/>, within the attempt limit.
    /// </summary>
    public static LeadNextStep NextStep(
        CompliancePolicy policy, IReadOnlyList<Disposition> dispositions, CallOutcome outcome, int attemptsMade, Instant endedAt,
        Duration retryDelay, string? disposition = null, CallbackRequest? callback = null, string? agentId = null)
    {
        if (outcome != CallOutcome.Failed)
            return RetryScheduler.AfterAttempt(policy, dispositions, outcome, attemptsMade, endedAt, disposition, callback, agentId);
        return attemptsMade >= policy.MaxAttempts
            ? new LeadNextStep.Done(RefusalReason.MaxAttempts.Code())
            : new LeadNextStep.Retry(endedAt + retryDelay);
    }
}
