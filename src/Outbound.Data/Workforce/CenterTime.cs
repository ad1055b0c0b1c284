namespace Outbound.Data.Workforce;

/// <summary>
/// The call center's wall clock. Rosters and attendance are reasoned about in local time (Core works on
/// plain <see cref="DateTime"/>s); the database keeps instants.
/// </summary>
public sealed class CenterTime(TimeZoneInfo zone)
{
    public static CenterTime China { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
