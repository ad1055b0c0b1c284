using Outbound.Data;

namespace Outbound.Web.Areas.Desk;

/// <summary>A promise to pay is counted in the client's report, so it must be whole: an amount above 0 and a date from today on.</summary>
public static class DeskPromise
{
    public static string? Problem(decimal? amount, DateOnly? date, DateTimeOffset now)
    {
        if (amount is null && date is null) return null;
        if (amount is not > 0 || date is null) return DeskTexts.PromiseIncomplete;
        if (date < CenterTime.China.Day(now)) return DeskTexts.PromiseInPast;
        return null;
    }
}
