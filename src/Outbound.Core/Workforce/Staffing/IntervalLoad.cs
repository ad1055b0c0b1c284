namespace Outbound.Core.Workforce.Staffing;

/// <summary>
/// The work offered in one planning interval: calls arriving, their average handle time (talk + wrap) and,
/// where abandons were measured, the callers' average patience. Traffic in Erlangs is calls × AHT ÷ interval.
/// </summary>
public sealed record IntervalLoad
{
    public IntervalLoad(double calls, TimeSpan interval, TimeSpan averageHandleTime, TimeSpan? averagePatience = null)
    {
        if (!double.IsFinite(calls) || calls < 0) throw new ArgumentOutOfRangeException(nameof(calls), "calls cannot be negative");
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "an interval lasts more than zero minutes");
        if (averageHandleTime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(averageHandleTime), "the handle time must be more than zero seconds");
        if (averagePatience is { } p && p <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(averagePatience), "patience must be more than zero seconds");
        Calls = calls;
        Interval = interval;
        AverageHandleTime = averageHandleTime;
        AveragePatience = averagePatience;
    }

    public double Calls { get; }
    public TimeSpan Interval { get; }
    public TimeSpan AverageHandleTime { get; }
    public TimeSpan? AveragePatience { get; }

    /// <summary>Offered traffic A = λ × AHT in Erlangs.</summary>
    public double Erlangs => Calls * AverageHandleTime.TotalSeconds / Interval.TotalSeconds;
}

/// <summary>A service target: <see cref="Level"/> of calls answered within <see cref="Answer"/> (80 % in 20 s).</summary>
public sealed record ServiceTarget
{
    public ServiceTarget(double level, TimeSpan answer)
    {
        if (!double.IsFinite(level) || level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), "the service level is a fraction between 0 and 1");
        if (answer < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(answer), "the answer time cannot be negative");
        Level = level;
        Answer = answer;
    }

    public double Level { get; }
    public TimeSpan Answer { get; }
}

/// <summary>What a queue achieves with a number of agents on the phones.</summary>
/// <param name="WaitProbability">Share of callers who wait at all (Erlang C's P(W &gt; 0)).</param>
/// <param name="ServiceLevel">Share of callers answered within the target time.</param>
/// <param name="AverageSpeedOfAnswer">Mean wait of answered callers (Erlang C: of all callers, the usual ASA).</param>
/// <param name="Occupancy">Share of agents' time spent handling calls.</param>
/// <param name="AbandonProbability">Share of callers who hang up before an answer; zero under Erlang C.</param>
public sealed record StaffingLevel(int Agents, double WaitProbability, double ServiceLevel, TimeSpan AverageSpeedOfAnswer,
    double Occupancy, double AbandonProbability);
