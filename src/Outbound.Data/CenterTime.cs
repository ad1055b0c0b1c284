namespace Outbound.Data;

/// <summary>
/// The call center's wall clock (Asia/Shanghai), the one zone the operator's business runs on: rosters and attendance,
/// billing months and due days, report periods. Core reasons on plain local dates and times; the database keeps instants.
/// (A lead's calling window is in the lead's own zone, not this one.)
/// </summary>
public sealed class CenterTime(TimeZoneInfo zone)
{
    /// <summary>The IANA id, for SQL (<c>AT TIME ZONE</c>) and NodaTime.</summary>
    public const string ChinaZoneId = "Asia/Shanghai";

    public static CenterTime China { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(ChinaZoneId));

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>The local time as an instant with the center's offset then.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>The center's calendar day at an instant: due days, grace days and billing months are counted in it.</summary>
    public DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    public TimeSpan Offset(DateTimeOffset instant) => zone.GetUtcOffset(instant);
}
