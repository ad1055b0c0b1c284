using Dapper;
using NodaTime;
using Npgsql;
using Outbound.Core.WorkOrders;

namespace Outbound.Data.WorkOrders;

/// <summary>A dated entry as the admin's calendar page lists it.</summary>
public sealed record CalendarDay(DateOnly Day, SpecialDayKind Kind, string Name, TimeOnly? Opens, TimeOnly? Closes);

/// <summary>
/// The business calendar of SLA clocks (<c>business_hours</c>, <c>business_days</c>): loaded whole (a few hundred rows), and
/// edited by the admin. A change that would leave no working hours is refused before anything is written.
/// </summary>
public sealed class CalendarStore(NpgsqlDataSource dataSource)
{
    private static readonly DateTimeZone Center = DateTimeZoneProviders.Tzdb[CenterTime.ChinaZoneId];

    public async Task<BusinessCalendar> LoadAsync(CancellationToken ct = default)
    {
        var (weekly, days) = await ReadAsync(ct);
        return new BusinessCalendar(Center, weekly, days.Select(d => new SpecialDay(LocalDate.FromDateOnly(d.Day), d.Kind, d.Name,
            d.Opens is { } o && d.Closes is { } c ? new OpeningHours(LocalTime.FromTimeOnly(o), LocalTime.FromTimeOnly(c)) : null)));
    }

    public async Task<(IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> Weekly, IReadOnlyList<CalendarDay> Days)> ReadAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var hours = await connection.QueryAsync<(short Weekday, TimeOnly Opens, TimeOnly Closes)>(new CommandDefinition(
            "SELECT weekday, opens, closes FROM business_hours ORDER BY weekday", cancellationToken: ct));
        var days = await connection.QueryAsync<(DateOnly Day, string Kind, string Name, TimeOnly? Opens, TimeOnly? Closes)>(new CommandDefinition(
            "SELECT day, kind, name, opens, closes FROM business_days ORDER BY day", cancellationToken: ct));
        return (hours.ToDictionary(h => (IsoDayOfWeek)h.Weekday, h => new OpeningHours(LocalTime.FromTimeOnly(h.Opens), LocalTime.FromTimeOnly(h.Closes))),
            days.Select(d => new CalendarDay(d.Day, d.Kind == "holiday" ? SpecialDayKind.Holiday : SpecialDayKind.Workday, d.Name, d.Opens, d.Closes)).ToList());
    }

    /// <summary>Replaces the weekly hours; refused whole (nothing written) when the week would have no working hours.</summary>
    public async Task<IReadOnlyList<CalendarProblem>> SaveWeeklyAsync(IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> weekly, CancellationToken ct = default)
    {
        if (BusinessCalendar.Validate(weekly) is { Count: > 0 } problems) return problems;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM business_hours", transaction: tx, cancellationToken: ct));
        foreach (var (day, hours) in weekly)
            await connection.ExecuteAsync(new CommandDefinition("INSERT INTO business_hours (weekday, opens, closes) VALUES (@day, @opens, @closes)",
                new { day = (short)day, opens = hours.Opens.ToTimeOnly(), closes = hours.Closes.ToTimeOnly() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>Adds or replaces a holiday or make-up workday.</summary>
    public async Task<IReadOnlyList<CalendarProblem>> SaveDayAsync(CalendarDay day, CancellationToken ct = default)
    {
        if (day.Opens is { } o && day.Closes is { } c && c <= o) return [CalendarProblem.ClosesBeforeOpens];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO business_days (day, kind, name, opens, closes) VALUES (@Day, @kind, @Name, @Opens, @Closes)
            ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, opens = excluded.opens, closes = excluded.closes
            """, new { day.Day, kind = day.Kind == SpecialDayKind.Holiday ? "holiday" : "workday", day.Name, Opens = day.Kind == SpecialDayKind.Holiday ? null : day.Opens,
            Closes = day.Kind == SpecialDayKind.Holiday ? null : day.Closes }, cancellationToken: ct));
        return [];
    }

    public async Task<bool> RemoveDayAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM business_days WHERE day = @day", new { day }, cancellationToken: ct)) > 0;
    }
}
