using Outbound.Telephony.Port;

namespace Outbound.Telephony.Simulated;

/// <summary>A call the simulated carrier placed, for tests and the demo's counters.</summary>
public sealed record SimulatedCall(CallLegId Leg, OriginateRequest Request, DateTimeOffset PlacedAt);
