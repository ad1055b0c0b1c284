using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;

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

    /// <summary>An agent session joins the campaign's pool; the campaign watches it.</summary>
    public sealed record AgentJoined(CampaignId CampaignId, string AgentId, IActorRef Session) : IWithCampaignId
    {
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

    /// <summary>The manual dial was placed (<paramref name="Refusal"/> null), or why not: a compliance refusal code, or
    /// <see cref="AgentNotFree"/> / <see cref="NumberBusy"/>.</summary>
    public sealed record ManualDialReply(CampaignId CampaignId, string? Refusal)
    {
        public const string AgentNotFree = "agent_not_free";
        public const string NumberBusy = "number_busy";
    }
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
    PacingStatus? Pacing);

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

    /// <summary>The lease was lost before dialing (another run holds the lead): nothing was dialled.</summary>
    public sealed record NotDialled(IActorRef Call, LeadId LeadId);
}
