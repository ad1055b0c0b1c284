using Outbound.Telephony.Sip.Dialogs;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// The end of call setup: the outcome, the final status (0 when none came), Retry-After for congestion,
/// the answer SDP and the dialog when answered, and how long setup took.
/// </summary>
public sealed record CallSetupResult(
    CallOutcome Outcome,
    int StatusCode,
    TimeSpan? RetryAfter,
    string? AnswerSdp,
    SipDialog? Dialog,
    TimeSpan SetupTime);
