namespace Outbound.Core.Acd;

/// <summary>How an offer to an agent ended.</summary>
public enum OfferResult { Taken, NoAnswer, Rejected }

/// <summary>What the queue does with the agent after an offer: block it for a while, maybe put it not-ready.</summary>
public sealed record OfferConsequence(DateTimeOffset? BlockedUntil, int NoAnswersInARow, bool PutNotReady);

public static class OfferOutcome
{
    public const string MaxNoAnswerReason = "max_no_answer";

    /// <summary>
    /// A no-answer blocks the agent for <see cref="QueuePolicy.NoAnswerDelay"/> and counts; at
    /// <see cref="QueuePolicy.MaxNoAnswer"/> in a row the agent is put not-ready (and the count restarts).
    /// A reject blocks for <see cref="QueuePolicy.RejectDelay"/>; a taken call resets the count.
    /// </summary>
    public static OfferConsequence After(OfferResult result, int noAnswersInARow, DateTimeOffset now, QueuePolicy policy) => result switch
    {
        OfferResult.Taken => new(null, 0, false),
        OfferResult.Rejected => new(now + policy.RejectDelay, noAnswersInARow, false),
        OfferResult.NoAnswer when policy.MaxNoAnswer > 0 && noAnswersInARow + 1 >= policy.MaxNoAnswer => new(now + policy.NoAnswerDelay, 0, true),
        OfferResult.NoAnswer => new(now + policy.NoAnswerDelay, noAnswersInARow + 1, false),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    /// <summary>After a call ends the agent is held for wrap-up.</summary>
    public static DateTimeOffset WrapUpEnds(DateTimeOffset callEnded, QueuePolicy policy) => callEnded + policy.WrapUp;
}
