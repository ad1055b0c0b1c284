using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;

namespace Outbound.Data.Dialing;

/// <summary>
/// One row of <c>call_records</c>: the durable trace of a call attempt. <see cref="HangupCause"/> says why an answered call
/// ended (remote, normal, abandoned, no_answer_timeout, shutdown, session_expired).
/// </summary>
public sealed record CallRecord(
    Guid Id,
    TenantId TenantId,
    CampaignId CampaignId,
    LeadId LeadId,
    int Attempt,
    string PhoneE164,
    string? Region,
    int? LocalHour,
    DialMode DialMode,
    string? CallerId,
    string? Agent,
    DateTimeOffset StartedAt,
    DateTimeOffset? RingingAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset EndedAt,
    DateTimeOffset? WrapEndedAt,
    CallOutcome Outcome,
    string? FailureReason,
    string? AmdResult,
    bool Abandoned,
    string? Disposition,
    string? RecordingPath,
    string RunId,
    string? HangupCause = null);

/// <summary>Where the lead goes after the attempt (from <see cref="RetryScheduler"/>).</summary>
public sealed record LeadUpdate(string Status, DateTimeOffset? NextCallAt, string? CallbackAgent, string LastOutcome)
{
    public static LeadUpdate From(LeadNextStep next, CallOutcome outcome) => next switch
    {
        LeadNextStep.Done => new("done", null, null, outcome.ToString()),
        LeadNextStep.Retry r => new("retry", r.At.ToDateTimeOffset(), null, outcome.ToString()),
        LeadNextStep.Callback c => new("callback", c.At.ToDateTimeOffset(), c.Agent, outcome.ToString()),
        _ => throw new ArgumentOutOfRangeException(nameof(next)),
    };
}

/// <summary>A finished attempt: its record and the lead's next step are written in one transaction.</summary>
public sealed record CompletedCall(CallRecord Record, LeadUpdate Lead);
