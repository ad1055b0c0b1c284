namespace Outbound.Core.Acd;

/// <summary>What happens to a caller who waited <see cref="QueuePolicy.MaxWait"/>.</summary>
public enum OverflowAction { None, OverflowQueue, Voicemail, CallbackOffer, HangUp }

/// <summary>The rules of one inbound queue (one per client hotline campaign).</summary>
public sealed record QueuePolicy
{
    public RoutingStrategy Strategy { get; init; } = RoutingStrategy.LongestIdle;

    /// <summary>
    /// Wait-time escalation of skill tiers: at first only tier-1 agents may take a caller; after each step
    /// of waiting the next tier is admitted too. Zero admits every tier at once.
    /// </summary>
    public TimeSpan TierEscalationStep { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Priority points a caller gains per minute of waiting, so that no one waits for ever behind VIPs.</summary>
    public double PriorityPerMinute { get; init; } = 1;

    /// <summary>After a call, the agent gets no offer for this long (after-call work).</summary>
    public TimeSpan WrapUp { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>An offered agent who does not take the call in this time counts a no-answer.</summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>An agent who did not answer an offer gets no other offer for this long.</summary>
    public TimeSpan NoAnswerDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>An agent who rejected an offer gets no other offer for this long.</summary>
    public TimeSpan RejectDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>This many no-answers in a row put the agent not-ready; 0 never does.</summary>
    public int MaxNoAnswer { get; init; } = 3;

    /// <summary>The longest a caller waits before <see cref="Overflow"/>; zero waits for ever.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(3);

    public OverflowAction Overflow { get; init; } = OverflowAction.CallbackOffer;

    /// <summary>The campaign code of the overflow queue (when <see cref="Overflow"/> is <see cref="OverflowAction.OverflowQueue"/>).</summary>
    public string? OverflowQueue { get; init; }

    /// <summary>How often a waiting caller hears the position and expected wait.</summary>
    public TimeSpan AnnounceEvery { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>The periodic announcement tells the caller its position in the queue.</summary>
    public bool AnnouncePosition { get; init; } = true;

    /// <summary>The periodic announcement tells the caller its expected wait.</summary>
    public bool AnnounceExpectedWait { get; init; } = true;

    public string MusicOnHoldPrompt { get; init; } = "music-on-hold";

    /// <summary>A caller answered within this wait counts as served in time (service level, e.g. 80 % in 20 s).</summary>
    public TimeSpan ServiceLevelTarget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The short recent window the service level and arrival rate are measured over (call blending reads them).</summary>
    public TimeSpan ServiceLevelWindow { get; init; } = TimeSpan.FromMinutes(5);
}
