using Outbound.Core.Workforce;

namespace Outbound.Core.Billing;

/// <summary>Stored by name in nothing but shown on statements; <see cref="InboundTelephony"/> is the hotline's answered minutes.</summary>
public enum ChargeKind { Deposit, SeatRent, Telephony, InboundTelephony }

/// <summary>One amount the client owes, for a period, due on a day.</summary>
public sealed record Charge(ChargeKind Kind, CalendarMonth Period, DateOnly DueOn, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>Money received from the client.</summary>
public sealed record Payment(Guid Id, DateOnly ReceivedOn, decimal Amount, string Reference);
