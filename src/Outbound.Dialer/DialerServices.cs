using Outbound.Core.Pacing;
using Outbound.Data.Billing;
using Outbound.Data.Dialing;
using Outbound.Telephony;

namespace Outbound.Dialer;

/// <summary>
/// What the dialer's actors need from outside, handed to their Props factories. Without a
/// <see cref="Standing"/> query every client counts as in good standing; without <see cref="History"/> a campaign's
/// pacing starts from defaults; without <see cref="Notices"/> its pacing notices are only logged and published.
/// </summary>
public sealed record DialerServices(
    CampaignStore Campaigns,
    LeadHopper Hopper,
    CallRecordWriter Records,
    AgentStateLog AgentLog,
    ITelephony Telephony,
    TimeProvider Time,
    DialerOptions Options,
    PacingOptions Pacing,
    TenantStandingQuery? Standing = null,
    PacingHistoryQuery? History = null,
    CampaignNotices? Notices = null);
