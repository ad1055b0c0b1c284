namespace Outbound.Telephony.Port;

/// <summary>A customer calling in: the leg the adapter opened for them and the two numbers the carrier gave.</summary>
/// <param name="Leg">The caller's leg, answered; bridge, prompts, recording and hold work on it as on any leg.</param>
/// <param name="CallerNumber">Who calls: E.164 when it is a valid number, else as the carrier sent it (e.g. anonymous).</param>
/// <param name="CalledNumber">The number dialled, as the carrier sent it (the host matches it to a hotline).</param>
public sealed record InboundCallArrival(CallLegId Leg, string CallerNumber, string CalledNumber);
