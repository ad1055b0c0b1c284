namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>How an outbound call attempt ended, in the terms the dialer's retry rules use.</summary>
public enum CallOutcome
{
    Answered,
    Busy,
    NoAnswer,
    Invalid,
    Congestion,
    Rejected,
    AuthFailure,
    MediaFailure,
    TrunkDown,
    Cancelled,
    Failed,
}

/// <summary>The final-response → outcome table (RFC 3261 §21; carriers' use of 480/408 for no answer).</summary>
public static class CallOutcomeMap
{
    public static CallOutcome FromStatus(int status) => status switch
    {
        >= 200 and < 300 => CallOutcome.Answered,
        486 or 600 => CallOutcome.Busy,
        408 or 480 => CallOutcome.NoAnswer,
        404 or 484 or 410 or 604 => CallOutcome.Invalid,
        403 or 603 => CallOutcome.Rejected,
        401 or 407 => CallOutcome.AuthFailure,
        488 or 606 => CallOutcome.MediaFailure,
        487 => CallOutcome.Cancelled,
        >= 500 and < 600 => CallOutcome.Congestion,
        _ => CallOutcome.Failed,
    };
}
