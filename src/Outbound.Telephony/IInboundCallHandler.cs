using Outbound.Telephony.Port;

namespace Outbound.Telephony;

/// <summary>
/// Beside <see cref="ITelephony"/>: where an adapter hands a customer who calls one of the hotline numbers. The host
/// knows which hotline owns a number and where the leg's events go; the adapter answers the call only when it is taken.
/// </summary>
public interface IInboundCallHandler
{
    /// <summary>
    /// Whether a call to <paramref name="calledNumber"/> would be taken now: asked before the adapter opens any media for
    /// the call, so it must be cheap (a lookup) and change nothing. <see cref="Arrive"/> may still refuse the call.
    /// </summary>
    bool Takes(string calledNumber);

    /// <summary>
    /// Takes the caller on <see cref="InboundCallArrival.Leg"/> into a hotline and returns the sink for that leg's events
    /// (its hang-up first of all); null when no hotline owns the called number, and the adapter refuses the call.
    /// Called once per call, before the caller hears the answer; must not block.
    /// </summary>
    ITelephonyEventSink? Arrive(InboundCallArrival arrival);
}
