using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Core.Acd;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>Commands to an inbound queue (one per inbound campaign).</summary>
public static class AcdCommands
{
    /// <summary>A caller reached the queue (from the IVR or straight from the trunk); its leg's events go to the queue.</summary>
    public sealed record CallerArrived(CampaignId CampaignId, CallLegId Leg, string CallerNumber, int Priority = 0, string? Skill = null) : IWithCampaignId
    {
        /// <summary>The call's <c>inbound_calls</c> row when it was recorded before the queue (in the IVR); null: a new one.</summary>
        public Guid? CallId { get; init; }
    }

    /// <summary>A caller reached the campaign's hotline number: through its IVR when it has one, else straight to its queue.</summary>
    public sealed record IvrArrived(CampaignId CampaignId, CallLegId Leg, string CallerNumber);

    /// <summary>A caller sent on by another queue at its max wait; the original arrival time keeps counting.</summary>
    public sealed record TakeOverflow(CampaignId CampaignId, CallLegId Leg, string CallerNumber, DateTimeOffset ArrivedAt, int Priority, string? Skill) : IWithCampaignId;

    /// <summary>The agent's skills and levels for this queue (level 1 = first tier).</summary>
    public sealed record SetAgentSkills(CampaignId CampaignId, string AgentId, IReadOnlyDictionary<string, int> Skills) : IWithCampaignId;

    public sealed record GetStatus(CampaignId CampaignId) : IWithCampaignId;

    /// <summary>The campaign's queue settings were saved: a running queue takes them at once (a queue not running reads them when it starts).</summary>
    public sealed record ReloadSettings(CampaignId CampaignId);

    /// <summary>Every running queue's figures (the wallboard shows them, whoever serves the queue); the reply is <see cref="RunningQueues"/>.</summary>
    public sealed record ListQueues;
}

/// <summary>The directory's answer to <see cref="AcdCommands.ListQueues"/>: each running queue with its campaign's code.</summary>
public sealed record RunningQueues(IReadOnlyList<RunningQueue> Queues);

public sealed record RunningQueue(string Code, AcdStatusReply Status);

/// <summary>What a queue tells the rest of the node (on the actor system's event stream).</summary>
public static class AcdEvents
{
    /// <summary>
    /// The queue's load now and over its recent window, published as it changes and every second: outbound campaigns
    /// with blended agents read it to decide how many of them pacing may count (<see cref="CallBlending"/>).
    /// </summary>
    public sealed record LoadChanged(CampaignId CampaignId, int Waiting, TimeSpan LongestWait, double? ServiceLevel, double ArrivalsPerMinute,
        TimeSpan AverageHandlingTime);
}

public sealed record AcdAgentView(string AgentId, AgentState State, DateTimeOffset Since, DateTimeOffset? BlockedUntil, int NoAnswersInARow, int Calls, TimeSpan TalkTime);

/// <summary>The queue's live figures (the wallboard shows them).</summary>
public sealed record AcdStatusReply(
    CampaignId CampaignId,
    int Waiting,
    TimeSpan LongestWait,
    int Answered,
    int Abandoned,
    int Overflowed,
    IReadOnlyList<AcdAgentView> Agents);

/// <summary>Between a queue and its inbound call actors.</summary>
internal static class AcdProtocol
{
    /// <summary>The call found the caller's record and waits for an agent.</summary>
    public sealed record Queued(IActorRef Call, LeasedLead Lead);

    /// <summary>The first agent who reserved itself for the call takes it.</summary>
    public sealed record Taken(IActorRef Call, string AgentId);

    /// <summary>The caller hung up after talking to the agent, who now wraps up.</summary>
    public sealed record Ended(IActorRef Call, string AgentId, TimeSpan TalkTime);

    /// <summary>The call is over for this queue (answered and dispositioned, abandoned, sent on).</summary>
    public sealed record Left(IActorRef Call, string Outcome);

    /// <summary>The offer to this agent expired: should its reservation still come, the call gives the agent back.</summary>
    public sealed record Withdraw(string AgentId);

    /// <summary>Tell the caller its position and/or expected wait (a part the queue does not announce is null).</summary>
    public sealed record Announce(int? Position, TimeSpan? ExpectedWait);

    /// <summary>The caller waited the queue's maximum: do this.</summary>
    public sealed record MaxWait(OverflowAction Action);

    /// <summary>To a running queue: its new policy, overflow queue and every agent's skills (an agent left out has none).</summary>
    public sealed record ApplySettings(QueuePolicy Policy, IActorRef? OverflowTo, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> AgentSkills);
}
