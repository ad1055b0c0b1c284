using Outbound.Core.Workforce.Forecasting;

namespace Outbound.Core.Tests.Workforce.Forecasting;

public sealed class VolumeForecasterTests
{
    private const int Intervals = 48;
    private static readonly DateOnly Start = new(2026, 1, 5); // a Monday
    private static readonly double[] Weekly = [0.55, 1.15, 1.05, 1.0, 1.0, 1.1, 0.7]; // Sunday … Saturday

    /// <summary>Two peaks (10:00 and 20:00) on weekdays, one broad afternoon hump at weekends.</summary>
    private static double Shape(DayOfWeek dow, int interval)
    {
        var hour = interval / 2.0;
        double Bump(double centre, double width) => Math.Exp(-Math.Pow((hour - centre) / width, 2));
        return dow is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? 0.05 + Bump(14, 4)
            : 0.05 + Bump(10, 1.8) + 0.8 * Bump(20, 1.5);
    }

    private static double[] TrueDay(DateOnly day, int t)
    {
        var total = (2000 + 8 * t) * Weekly[(int)day.DayOfWeek];
        var raw = Enumerable.Range(0, Intervals).Select(i => Shape(day.DayOfWeek, i)).ToArray();
        var sum = raw.Sum();
        return raw.Select(r => total * r / sum).ToArray();
    }

    private static List<DayHistory> History(int days, int seed, Func<DateOnly, double>? dayFactor = null)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days).Select(t =>
        {
            var day = Start.AddDays(t);
            var factor = dayFactor?.Invoke(day) ?? 1;
            var calls = TrueDay(day, t).Select(c => Math.Max(0, c * factor * (1 + 0.08 * (random.NextDouble() * 2 - 1)))).ToArray();
            return new DayHistory(day, calls, Enumerable.Repeat(180.0, Intervals).ToArray());
        }).ToList();
    }

    [Fact]
    public void Seasonal_series_with_trend_is_forecast_within_six_percent_wmape()
    {
        var history = History(56, seed: 7);

        var forecast = VolumeForecaster.Forecast(history, WorkCalendar.Empty, Start.AddDays(56), 14);

        var actual = Enumerable.Range(56, 14).SelectMany(t => TrueDay(Start.AddDays(t), t)).ToList();
        var predicted = forecast.SelectMany(f => f.Calls).ToList();
        Assert.InRange(Core.Workforce.Forecasting.ForecastAccuracy.WeightedMape(actual, predicted), 0, 0.06);
        // The trend carries on: the second forecast week is busier than the first.
        Assert.True(forecast.Skip(7).Sum(f => f.TotalCalls) > forecast.Take(7).Sum(f => f.TotalCalls));
    }

    [Fact]
    public void The_evening_peak_is_forecast_where_the_history_has_it()
    {
        var forecast = VolumeForecaster.Forecast(History(28, seed: 3), WorkCalendar.Empty, Start.AddDays(28), 7);

        var monday = forecast.Single(f => f.Day.DayOfWeek == DayOfWeek.Monday).Calls;
        Assert.True(monday[40] > 3 * monday[30], "20:00 should be far above 15:00");
        Assert.True(monday[20] > monday[40], "the morning peak is the higher one");
    }

    [Fact]
    public void A_holiday_in_the_history_does_not_teach_the_weekly_season_and_is_forecast_from_its_own_ratio()
    {
        var holidays = new Dictionary<DateOnly, DayKind>
        {
            [Start.AddDays(22)] = DayKind.Holiday, // a Wednesday in week 4, at 30 % of normal
            [Start.AddDays(63)] = DayKind.Holiday, // a Monday in the forecast
        };
        var calendar = new WorkCalendar(holidays);
        var history = History(56, seed: 11, day => holidays.ContainsKey(day) ? 0.3 : 1);

        var forecast = VolumeForecaster.Forecast(history, calendar, Start.AddDays(56), 14);

        var wednesday = forecast.First(f => f.Day.DayOfWeek == DayOfWeek.Wednesday);
        var expectedWednesday = TrueDay(wednesday.Day, wednesday.Day.DayNumber - Start.DayNumber).Sum();
        Assert.InRange(wednesday.TotalCalls / expectedWednesday, 0.93, 1.07);
        var holiday = forecast.Single(f => f.Kind == DayKind.Holiday);
        var normalMonday = TrueDay(holiday.Day, 63).Sum();
        Assert.InRange(holiday.TotalCalls / normalMonday, 0.2, 0.4);
    }

    [Fact]
    public void Short_or_broken_history_is_refused_with_the_reason()
    {
        var history = History(20, seed: 1);
        Assert.Contains("at least 14 days", Assert.Throws<ForecastException>(() =>
            VolumeForecaster.Forecast(history.Take(10).ToList(), WorkCalendar.Empty, Start.AddDays(20), 7)).Message);
        history[5] = history[5] with { Calls = history[5].Calls.Take(47).ToArray() };
        Assert.Contains("47 intervals", Assert.Throws<ForecastException>(() =>
            VolumeForecaster.Forecast(history, WorkCalendar.Empty, Start.AddDays(20), 7)).Message);
    }
}
