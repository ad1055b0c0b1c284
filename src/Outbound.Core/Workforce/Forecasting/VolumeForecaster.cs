using MathNet.Numerics.LinearRegression;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Outbound.Core.Workforce.Forecasting;

/// <summary>
/// Interval forecast in two layers, the way WFM suites do it: daily totals by Holt-Winters (additive trend,
/// multiplicative weekly season; α, β, γ chosen by Nelder–Mead on one-step-ahead squared error), then each day
/// spread over its intervals by the intraday profile of its day pattern (day of week, holiday, make-up workday),
/// learned from recent weeks with more weight on the latest. Holidays and make-up workdays are kept out of the
/// weekly season (they would teach it that a Tuesday is quiet) and forecast from their own history as a ratio
/// to what a normal day would have been; without such history a holiday is taken as a Sunday.
/// </summary>
public static class VolumeForecaster
{
    public const int MinimumDays = 14;
    private const int Season = 7;

    public static IReadOnlyList<DayForecast> Forecast(IReadOnlyList<DayHistory> history, WorkCalendar calendar, DateOnly firstDay, int days)
    {
        Validate(history, firstDay, days);
        var intervals = history[0].Calls.Count;
        var totals = history.Select(h => h.Calls.Sum()).ToArray();
        var normal = history.Select(h => calendar.KindOf(h.Day) == DayKind.Normal).ToArray();

        var model = HoltWinters.Fit(totals, normal, history[0].Day);
        var profiles = IntradayProfile.Learn(history, calendar, intervals);
        var ratios = SpecialDayRatios(history, calendar, model);

        var forecast = new List<DayForecast>(days);
        for (var i = 0; i < days; i++)
        {
            var day = firstDay.AddDays(i);
            var ahead = day.DayNumber - history[^1].Day.DayNumber;
            var kind = calendar.KindOf(day);
            var expected = model.Predict(ahead, day);
            var total = Math.Max(0, kind switch
            {
                DayKind.Holiday => ratios.Holiday is { } h ? expected * h : model.Predict(ahead, NearestSunday(day)),
                DayKind.MakeUpWorkday => ratios.MakeUp is { } m ? expected * m : model.PredictWeekday(ahead),
                _ => expected,
            });
            var (shares, handle) = profiles.For(calendar.PatternOf(day));
            forecast.Add(new DayForecast(day, kind, shares.Select(s => s * total).ToArray(), handle));
        }
        return forecast;
    }

    private static void Validate(IReadOnlyList<DayHistory> history, DateOnly firstDay, int days)
    {
        if (history.Count < MinimumDays) throw new ForecastException($"a forecast needs at least {MinimumDays} days of history; there are {history.Count}");
        var intervals = history[0].Calls.Count;
        if (intervals == 0 || 1440 % intervals != 0) throw new ForecastException($"{intervals} intervals do not divide a day");
        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            if (i > 0 && h.Day != history[i - 1].Day.AddDays(1)) throw new ForecastException($"the history skips from {history[i - 1].Day:yyyy-MM-dd} to {h.Day:yyyy-MM-dd}; days without calls need zero rows");
            if (h.Calls.Count != intervals || h.HandleSeconds.Count != intervals) throw new ForecastException($"{h.Day:yyyy-MM-dd} has {h.Calls.Count} intervals, not {intervals}");
            if (h.Calls.Any(c => c < 0 || !double.IsFinite(c))) throw new ForecastException($"{h.Day:yyyy-MM-dd} has a negative call count");
        }
        if (firstDay <= history[^1].Day) throw new ForecastException("the forecast must start after the history ends");
        if (days is < 1 or > 366) throw new ForecastException("a forecast covers 1 to 366 days");
    }

    /// <summary>Holidays and make-up days in the history as a share of what the model expected of a normal day then.</summary>
    private static (double? Holiday, double? MakeUp) SpecialDayRatios(IReadOnlyList<DayHistory> history, WorkCalendar calendar, HoltWinters model)
    {
        double? Ratio(DayKind kind)
        {
            double actual = 0, expected = 0;
            for (var i = 0; i < history.Count; i++)
            {
                if (calendar.KindOf(history[i].Day) != kind) continue;
                actual += history[i].Calls.Sum();
                expected += model.Fitted[i];
            }
            return expected > 0 ? actual / expected : null;
        }
        return (Ratio(DayKind.Holiday), Ratio(DayKind.MakeUpWorkday));
    }

    private static DateOnly NearestSunday(DateOnly day) => day.AddDays(-(int)day.DayOfWeek);

    /// <summary>Holt-Winters on daily totals; days that are not normal are skipped by the update (treated as missing).</summary>
    private sealed class HoltWinters
    {
        private double _level, _trend;
        private readonly double[] _season = new double[Season];
        private DateOnly _lastDay;

        /// <summary>One-step-ahead fitted value for every history day (the model's expectation before seeing it).</summary>
        public double[] Fitted { get; private set; } = [];

        public static HoltWinters Fit(double[] totals, bool[] normal, DateOnly firstDay)
        {
            var start = Vector<double>.Build.DenseOfArray([0.3, 0.05, 0.2]);
            var objective = ObjectiveFunction.Value(p =>
            {
                if (p.Any(x => x is <= 0 or >= 1)) return double.MaxValue;
                return Run(totals, normal, firstDay, p[0], p[1], p[2]).Sse;
            });
            double alpha = 0.3, beta = 0.05, gamma = 0.2;
            try
            {
                var best = new NelderMeadSimplex(1e-6, 2000).FindMinimum(objective, start).MinimizingPoint;
                if (best.All(x => x is > 0 and < 1)) (alpha, beta, gamma) = (best[0], best[1], best[2]);
            }
            catch (MaximumIterationsException)
            {
                // The defaults are the textbook starting point; a slow-converging fit keeps them.
            }
            return Run(totals, normal, firstDay, alpha, beta, gamma).Model;
        }

        private static (HoltWinters Model, double Sse) Run(double[] totals, bool[] normal, DateOnly firstDay, double alpha, double beta, double gamma)
        {
            var m = new HoltWinters { Fitted = new double[totals.Length], _lastDay = firstDay.AddDays(totals.Length - 1) };
            m.Initialise(totals, normal);
            var sse = 0.0;
            for (var t = 0; t < totals.Length; t++)
            {
                var dow = (int)firstDay.AddDays(t).DayOfWeek;
                var forecast = (m._level + m._trend) * m._season[dow];
                m.Fitted[t] = forecast;
                if (!normal[t])
                {
                    m._level += m._trend; // a holiday tells us nothing about the weekly pattern: carry the trend on
                    continue;
                }
                if (t >= Season) sse += (totals[t] - forecast) * (totals[t] - forecast);
                var previousLevel = m._level;
                var s = Math.Max(m._season[dow], 1e-6);
                m._level = alpha * totals[t] / s + (1 - alpha) * (m._level + m._trend);
                m._trend = beta * (m._level - previousLevel) + (1 - beta) * m._trend;
                m._season[dow] = gamma * totals[t] / Math.Max(m._level, 1e-9) + (1 - gamma) * m._season[dow];
            }
            return (m, sse);
        }

        /// <summary>Level and trend from a least-squares line through the first two weeks' normal days; season from their ratios to it.</summary>
        private void Initialise(double[] totals, bool[] normal)
        {
            var span = Math.Min(totals.Length, 2 * Season);
            var xs = new List<double>();
            var ys = new List<double>();
            for (var t = 0; t < span; t++) if (normal[t]) { xs.Add(t); ys.Add(totals[t]); }
            var (intercept, slope) = xs.Count >= 2 ? SimpleRegression.Fit(xs.ToArray(), ys.ToArray()) : (ys.DefaultIfEmpty(0).Average(), 0.0);
            var dayOfWeekOfFirst = (int)_lastDay.AddDays(1 - totals.Length).DayOfWeek;
            var sums = new double[Season];
            var counts = new int[Season];
            for (var t = 0; t < span; t++)
            {
                var line = intercept + slope * t;
                if (!normal[t] || line <= 0) continue;
                var dow = (dayOfWeekOfFirst + t) % Season;
                sums[dow] += totals[t] / line;
                counts[dow]++;
            }
            for (var d = 0; d < Season; d++) _season[d] = counts[d] > 0 ? sums[d] / counts[d] : 1;
            _level = intercept - slope; // so that the first step's level + trend lands on the line at t = 0
            _trend = slope;
        }

        public double Predict(int daysAhead, DateOnly day) => (_level + daysAhead * _trend) * _season[(int)day.DayOfWeek];

        public double PredictWeekday(int daysAhead) =>
            (_level + daysAhead * _trend) * Enumerable.Range(1, 5).Average(d => _season[d]);
    }
}

public sealed class ForecastException(string message) : Exception(message);
