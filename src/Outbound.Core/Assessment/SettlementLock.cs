using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment;

/// <summary>
/// A settled month is locked: nothing new may be dated into it, and it is settled only once. A month is settled
/// only when every appeal against its deductions is decided, so the pay it locks is final.
/// </summary>
public static class SettlementLock
{
    public static LocalizedText? RefuseNewDeduction(DateOnly occurredOn, IReadOnlySet<CalendarMonth> settled) =>
        settled.Contains(CalendarMonth.Of(occurredOn))
            ? new($"{CalendarMonth.Of(occurredOn)} 已结算并锁定，请把这次违规记在未结算的月份。",
                $"{CalendarMonth.Of(occurredOn)} is settled and locked; record the occurrence in an open month.")
            : null;

    public static LocalizedText? RefuseSettlement(CalendarMonth month, IReadOnlySet<CalendarMonth> settled, int openAppeals = 0) =>
        settled.Contains(month) ? new($"{month} 已结算并锁定。", $"{month} is already settled and locked.")
        : openAppeals > 0 ? new($"{month} 还有 {openAppeals} 条申诉未处理：请先在“申诉处理”中维持或撤销，再结算。",
            $"{month} has {openAppeals} open appeal(s): uphold or void them under Appeals before settling.")
        : null;
}
