using Outbound.Core.Workforce;
using Outbound.Data;

namespace Outbound.Web.Areas.Hr;

/// <summary>"Now" and "today" on the call center's wall clock, which rosters and handovers are kept in (not the server's zone).</summary>
public static class CenterClock
{
    public static DateTime Now(this CenterTime center, TimeProvider clock) => center.ToLocal(clock.GetUtcNow());

    public static DateOnly Today(this CenterTime center, TimeProvider clock) => center.Day(clock.GetUtcNow());

    /// <summary>The page's ?month=YYYY-MM (see <see cref="MonthParameter"/>), or the center's current month.</summary>
    public static CalendarMonth MonthOf(this CenterTime center, TimeProvider clock, string? month) =>
        MonthParameter.Parse(month) ?? CalendarMonth.Of(center.Today(clock));
}
