namespace Outbound.Core.Workforce.Forecasting;

/// <summary>
/// Weighted mean absolute percentage error: Σ|actual − forecast| ÷ Σ actual. Unlike MAPE it does not blow up on
/// the near-empty night intervals, so it is the accuracy figure planners quote for interval forecasts.
/// </summary>
public static class ForecastAccuracy
{
    public static double WeightedMape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        if (actual.Count != forecast.Count) throw new ArgumentException($"{actual.Count} actual intervals against {forecast.Count} forecast", nameof(forecast));
        double error = 0, total = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            error += Math.Abs(actual[i] - forecast[i]);
            total += actual[i];
        }
        if (total <= 0) throw new ArgumentException("wMAPE needs some actual volume in the hold-out period", nameof(actual));
        return error / total;
    }
}
