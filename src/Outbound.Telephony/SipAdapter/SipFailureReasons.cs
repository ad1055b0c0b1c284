using Outbound.Telephony.Port;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.SipAdapter;

/// <summary>
/// SIP call outcomes in the dialer's terms. What is not the number's fault is not blamed on it: a wrong trunk
/// password reads as the trunk being down, a codec mismatch or an unclassified failure as congestion (retry later).
/// </summary>
public static class SipFailureReasons
{
    public static FailureReason From(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Busy => FailureReason.Busy,
        CallOutcome.NoAnswer or CallOutcome.Cancelled => FailureReason.NoAnswer,
        CallOutcome.Invalid => FailureReason.Invalid,
        CallOutcome.Rejected => FailureReason.Rejected,
        CallOutcome.AuthFailure or CallOutcome.TrunkDown => FailureReason.TrunkDown,
        _ => FailureReason.Congestion,
    };
}
