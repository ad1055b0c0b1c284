using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Desk;
using Outbound.Data.Dialing;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Agents;

/// <summary>What an agent (through the desk, a bot or a supervisor) asks of its session.</summary>
public static class AgentCommands
{
    /// <summary>Logs in to <paramref name="CampaignId"/> and, at once, to <see cref="Others"/> (several campaigns, blending).</summary>
    public sealed record Login(CampaignId CampaignId)
    {
        public IReadOnlyList<CampaignId> Others { get; init; } = [];

        /// <summary>Which of the campaigns are inbound: their messages go to the inbound queues, and the outbound ones lend the agent only when inbound load allows.</summary>
        public IReadOnlySet<CampaignId> Inbound { get; init; } = new HashSet<CampaignId>();

        public IReadOnlyList<CampaignId> All => [CampaignId, .. Others.Where(o => o != CampaignId).Distinct()];
    }

    /// <summary>签出; a supervisor's (<see cref="Forced"/>) leaves whatever call is on, the agent's own waits for the call to be done.</summary>
    public sealed record Logout(string Reason = "logout")
    {
        public bool Forced { get; init; }
    }

    /// <summary>就绪; a supervisor's (<see cref="Forced"/>) also closes after-call work without a result.</summary>
    public sealed record Ready
    {
        public bool Forced { get; init; }
    }

    /// <summary>示忙 with a reason (break, training, meeting …); during a call, what the agent returns to after it.</summary>
    public sealed record NotReady(string Reason);

    /// <summary>Saves (or corrects) the result of the call on the desk: during the call or in its after-call work.</summary>
    public sealed record SaveResult(string Code, CallbackRequest? Callback = null);

    /// <summary>Saves the result and closes the after-call work in one (the bots' way).</summary>
    public sealed record Disposition(string Code, CallbackRequest? Callback = null);

    /// <summary>挂机: ends the call on the desk (cancels it while it rings).</summary>
    public sealed record HangUp;

    /// <summary>Preview: dial the lead on screen.</summary>
    public sealed record DialPreview;

    /// <summary>Preview: pass on the lead on screen.</summary>
    public sealed record SkipPreview;

    public sealed record GetState;
}

public sealed record AgentStateReply(string AgentId, AgentState State, string? Reason, CampaignId? CampaignId)
{
    /// <summary>Every campaign the session is logged in to (the first is <see cref="CampaignId"/>).</summary>
    public IReadOnlyList<CampaignId> Campaigns { get; init; } = [];

    /// <summary>The desk as the agent sees it: state, buttons, the call and its result.</summary>
    public DeskMachine Desk { get; init; } = DeskMachine.SignedOut;

    /// <summary>When after-call work closes by itself (with a result saved).</summary>
    public DateTimeOffset? WrapUpEndsAt { get; init; }
}

/// <summary>The session's answer to an agent command: done, or why not (the desk words it).</summary>
public sealed record AgentCommandReply(DeskRefusal? Refusal)
{
    public static AgentCommandReply Done { get; } = new((DeskRefusal?)null);
}

/// <summary>What a session tells the agent's desk (browser bridge or bot).</summary>
public static class AgentEvents
{
    public sealed record StateChanged(string AgentId, AgentState State, string? Reason, DateTimeOffset At);

    /// <summary>The desk changed (state, buttons, call, result): what the agent's screen shows.</summary>
    public sealed record DeskChanged(string AgentId, DeskMachine Desk, DateTimeOffset? WrapUpEndsAt, DateTimeOffset At);

    /// <summary>Preview: the lead to look at; after <paramref name="CountdownSeconds"/> (when not 0) it is dialled.</summary>
    public sealed record PreviewOffered(string AgentId, LeasedLead Lead, int CountdownSeconds);

    /// <summary>Screen pop: a call to this lead is connected to the agent.</summary>
    public sealed record CallConnected(string AgentId, LeasedLead Lead);

    public sealed record CallEnded(string AgentId, LeasedLead Lead);

    /// <summary>Hold, consult or conference changed on the agent's call.</summary>
    public sealed record CallStatusChanged(string AgentId, Calls.CallControlStatus Status);
}

/// <summary>Between the campaign, the call actors and the sessions.</summary>
public static class AgentProtocol
{
    /// <summary>The campaign picked this agent for a live call.</summary>
    public sealed record Reserve(IActorRef Call, LeasedLead Lead);

    /// <summary>The campaign offers a lead to preview.</summary>
    public sealed record OfferPreview(LeasedLead Lead, int CountdownSeconds)
    {
        /// <summary>A number the agent dialled by hand: taken ready or not ready, dialled at once, no preview on the desk.</summary>
        public bool Manual { get; init; }
    }

    /// <summary>Reply to the call: the agent is held for it; bridge to this leg.</summary>
    public sealed record Reserved(string AgentId, IActorRef Session, CallLegId AgentLeg);

    /// <summary>Reply to the campaign: the session was no longer ready.</summary>
    public sealed record ReserveRefused(string AgentId, IActorRef Call);

    /// <summary>From a preview call: it is this agent's call, bridge to this leg when answered.</summary>
    public sealed record PreviewCallPlaced(IActorRef Call);

    public sealed record Connected(IActorRef Call);

    /// <summary>
    /// The agent's part of the call ended (the customer hung up, or the call went on without the agent); after-call work begins.
    /// <paramref name="ResultExpected"/> false when someone else gives the call's result (a colleague took it over, or was only consulted).
    /// </summary>
    public sealed record Ended(IActorRef Call, TimeSpan WrapUp, bool ResultExpected = true);

    /// <summary>The call gave the agent back without connecting (abandoned in the meantime, or failed preview).</summary>
    public sealed record Unreserve(IActorRef Call);

    /// <summary>To the call: the result the agent saved while the call goes on; kept (the last one wins) should the agent leave it.</summary>
    public sealed record ResultSaved(string Code, CallbackRequest? Callback);

    /// <summary>To the call: the agent finished after-call work; the call is recorded with this result.</summary>
    public sealed record Dispositioned(string? Code, CallbackRequest? Callback, DateTimeOffset At);
}
