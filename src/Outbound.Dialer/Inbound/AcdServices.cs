using Outbound.Data.Desk;

namespace Outbound.Dialer.Inbound;

/// <summary>What inbound queues need besides the dialer's services: the inbound call log.</summary>
public sealed record AcdServices(DialerServices Dialer, InboundCallLog Calls);
