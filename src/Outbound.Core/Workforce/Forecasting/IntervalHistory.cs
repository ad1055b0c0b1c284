namespace Outbound.Core.Workforce.Forecasting;

/// <summary>One day of a queue's history: calls offered and their average handle time (seconds) per interval.</summary>
public sealed record DayHistory(DateOnly Day, IReadOnlyList<double> Calls, IReadOnlyList<double> HandleSeconds);

/// <summary>One forecast day: expected calls and handle time per interval.</summary>
public sealed record DayForecast(DateOnly Day, DayKind Kind, IReadOnlyList<double> Calls, IReadOnlyList<double> HandleSeconds)
{
    public double TotalCalls => Calls.Sum();
}
