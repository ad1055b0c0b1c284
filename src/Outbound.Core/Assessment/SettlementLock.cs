using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment;

/// <summary>A settled month is locked: nothing new may be dated into it, and it is settled only once.</summary>
public static class SettlementLock
{
    public static string? RefuseNewDeduction(DateOnly occurredOn, IReadOnlySet<CalendarMonth> settled) =>
        settled.Contains(CalendarMonth.Of(occurredOn))
            ? $"{CalendarMonth.Of(occurredOn)} is settled and locked; record the occurrence in an open month"
            : null;

    public static string? RefuseSettlement(CalendarMonth month, IReadOnlySet<CalendarMonth> settled) =>
        settled.Contains(month) ? $"{month} is already settled and locked" : null;
}
