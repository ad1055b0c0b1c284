using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Calls;

namespace Outbound.Dialer.Campaigns;

/// <summary>Commands to a campaign; all route through the campaign shard region on <see cref="IWithCampaignId"/>.</summary>
public static class CampaignCommands
{
    /// <summary>Start (or resume) dialing; persisted as <c>campaigns.status = 'running'</c>.</summary>
    public sealed record Start(CampaignId CampaignId) : IWithCampaignId;

    /// <summary>Stop placing new calls; calls in flight finish; the buffered leads go back.</summary>
    public sealed record Pause(CampaignId CampaignId) : IWithCampaignId;

    public sealed record Stop(CampaignId CampaignId) : IWithCampaignId;

    /// <summary>Sent on dialer start-up to campaigns the database says are running: they pick up where they were.</summary>
    public sealed record Wake(CampaignId CampaignId) : IWithCampaignId;

    public sealed record GetStatus(CampaignId CampaignId) : IWithCampaignId;

    /// <summary>
    /// The campaign's set-up was edited: a running (or paused) campaign applies it from its next dial on. Replies
    /// <see cref="CampaignReplies.SettingsApplied"/>.
    /// </summary>
    public sealed record ApplySettings(CampaignId CampaignId) : IWithCampaignId;

    /// <summary>
    /// An agent session joins the campaign's pool; the campaign watches it. Sessions say it again now and then
    /// (<see cref="DialerOptions.AgentRejoinInterval"/>) with their state, so a campaign that lost its memory has them back.
    /// </summary>
    public sealed record AgentJoined(CampaignId CampaignId, string AgentId, IActorRef Session) : IWithCampaignId
    {
        public AgentState State { get; init; } = AgentState.NotReady;

        /// <summary>Since when the agent is in <see cref="State"/>; null: now.</summary>
        public DateTimeOffset? Since { get; init; }

        /// <summary>The inbound campaigns the agent is logged in to as well (blended agent): inbound comes first.</summary>
        public IReadOnlyList<CampaignId> BlendedWith { get; init; } = [];
    }

    public sealed record AgentStateChanged(CampaignId CampaignId, string AgentId, AgentState State, DateTimeOffset Since) : IWithCampaignId;

    /// <summary>Preview: the agent decided to dial the offered lead (or the countdown ran out).</summary>
    public sealed record DialPreview(CampaignId CampaignId, string AgentId, LeadId LeadId) : IWithCampaignId;

    public sealed record SkipPreview(CampaignId CampaignId, string AgentId, LeadId LeadId) : IWithCampaignId;

    /// <summary>
    /// Manual dial from the desk: the number (already normalised) is checked by the same compliance as every dial,
    /// then dialled for this agent. Replies <see cref="CampaignReplies.ManualDialReply"/>.
    /// </summary>
    public sealed record ManualDial(CampaignId CampaignId, string AgentId, Core.Lists.NormalizedPhone Phone) : IWithCampaignId;
}

/// <summary>Replies <see cref="CampaignCommands"/> produce.</summary>
public static class CampaignReplies
{
    public sealed record CommandAccepted(CampaignId CampaignId, CampaignStatus Status);

    public sealed record CommandRejected(CampaignId CampaignId, string Reason);

    /// <summary>The stored set-up is the one in use; <paramref name="Changed"/> is the last change applied while the campaign was loaded.</summary>
    public sealed record SettingsApplied(CampaignId CampaignId, CampaignStatus Status, CampaignSettingsChanged? Changed);

    /// <summary>The manual dial was placed (<paramref name="Refusal"/> null), or why not: a compliance refusal code, or
    /// <see cref="AgentNotFree"/> / <see cref="NumberBusy"/>.</summary>
    public sealed record ManualDialReply(CampaignId CampaignId, string? Refusal)
    {
        public const string AgentNotFree = "agent_not_free";
        public const string NumberBusy = "number_busy";
        public const string DatabaseUnavailable = "database_unavailable";
    }

    /// <summary><see cref="CommandRejected.Reason"/> when the database could not be reached: nothing changed, try again.</summary>
    public const string DatabaseUnavailable = "database_unavailable";
}

/// <summary>
/// The live figures of one campaign (the status page and tests read them); <see cref="Pacing"/> says how a predictive or
/// progressive campaign paces now and why (null in preview and manual modes).
/// </summary>
public sealed record CampaignStatusReply(
    CampaignId CampaignId,
    string Code,
    CampaignStatus Status,
    DialMode DialMode,
    IReadOnlyDictionary<AgentState, int> AgentsByState,
    int LinesInFlight,
    double DialLevel,
    double AnswerRate,
    double RollingAbandonRate,
    decimal AbandonCap,
    int CallsPlaced,
    int CallsCompleted,
    int LeadsBuffered,
    bool ListExhausted,
    IReadOnlyDictionary<RefusalReason, int> Refusals,
    PacingStatus? Pacing)
{
    /// <summary>The last change of the set-up applied while the campaign was loaded (the live page tells it), or null.</summary>
    public CampaignSettingsChanged? SettingsChanged { get; init; }

    /// <summary>The database is away: calls in hand go on, nothing new is dialled until it is back.</summary>
    public bool DatabaseDown { get; init; }

    /// <summary>The dialer is stopping gracefully: no new dials, live calls finish.</summary>
    public bool Draining { get; init; }
}

/// <summary>A change of a campaign's set-up the running dialer applied at <paramref name="At"/>, from the next dial on.</summary>
public sealed record CampaignSettingsChanged(DateTimeOffset At, CampaignChange Change);

/// <summary>What a campaign tells the rest of the node (on the actor system's event stream).</summary>
public static class CampaignEvents
{
    /// <summary>The campaign's pacing fell back, resumed, or turned its detector off: its manager is to be told.</summary>
    public sealed record PacingNoticeRaised(CampaignId CampaignId, Core.Pacing.PacingNotice Notice);
}

/// <summary>What a call actor tells its campaign.</summary>
internal static class CallReports
{
    /// <param name="HasAgent">The call already has its agent (held for it, or a preview): it does not wait for one.</param>
    /// <param name="MachineVerdict">The detector judged the answer a machine, and the call is put through all the same.</param>
    public sealed record Answered(IActorRef Call, LeadId LeadId, bool HasAgent = false, bool MachineVerdict = false);

    public sealed record Finished(IActorRef Call, CompletedCall Completed, TimeSpan? TalkTime, TimeSpan? WrapTime);

    /// <summary>
    /// Nothing was dialled: the lease was lost before dialing (another run may hold the lead), or the database went away
    /// (<paramref name="LeaseKept"/>: the lead is still the run's, to dial later).
    /// </summary>
    public sealed record NotDialled(IActorRef Call, LeasedLead Lead, bool LeaseKept = false);

    /// <summary>A live call answering <see cref="CallLifecycle.Report"/>: a restarted campaign counts it again.</summary>
    public sealed record InFlight(IActorRef Call, LeasedLead Lead, DateTimeOffset PlacedAt, bool Answered, bool WaitingForAgent);
}
