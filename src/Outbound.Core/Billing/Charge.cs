using Outbound.Core.Workforce;

namespace Outbound.Core.Billing;

/// <summary>What a statement line bills; <see cref="Telephony"/> is outbound minutes, <see cref="InboundTelephony"/> the hotline's answered minutes.</summary>
public enum ChargeKind { Deposit, SeatRent, Telephony, InboundTelephony }

/// <summary>One amount the client owes, for a period, due on a day.</summary>
public sealed record Charge(ChargeKind Kind, CalendarMonth Period, DateOnly DueOn, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>Money received from the client.</summary>
public sealed record Payment(Guid Id, DateOnly ReceivedOn, decimal Amount, string Reference);
