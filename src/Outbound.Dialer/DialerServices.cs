using Outbound.Core.Pacing;
using Outbound.Data.Billing;
using Outbound.Data.Database;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Dialer.Calls;
using Outbound.Telephony;

namespace Outbound.Dialer;

/// <summary>
/// What the dialer's actors need from outside, handed to their Props factories. Without a
/// <see cref="Standing"/> query every client counts as in good standing; without <see cref="History"/> a campaign's
/// pacing starts from defaults; without <see cref="Notices"/> its pacing notices are only logged and published.
/// </summary>
/// <param name="Records">The one durable path of call records, inbound calls and agent events.</param>
public sealed record DialerServices(
    CampaignStore Campaigns,
    LeadHopper Hopper,
    DurableWriter Records,
    ITelephony Telephony,
    TimeProvider Time,
    DialerOptions Options,
    PacingOptions Pacing,
    TenantStandingQuery? Standing = null,
    PacingHistoryQuery? History = null,
    CampaignNotices? Notices = null)
{
    /// <summary>This process's run of the node: the leases, calls and sessions it holds are keyed by it.</summary>
    public DialerRun Run { get; init; } = DialerRun.Start(Options.Node ?? Environment.MachineName);

    /// <summary>The calls alive on this node, for a graceful stop.</summary>
    public LiveCalls Live { get; init; } = new();

    public DatabaseHealth Health => Records.Health;
}
