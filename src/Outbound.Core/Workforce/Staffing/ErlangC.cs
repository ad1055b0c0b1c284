namespace Outbound.Core.Workforce.Staffing;

/// <summary>
/// Erlang C (M/M/N, callers wait as long as it takes). With traffic A and N agents:
/// P(wait) = C(N, A), computed from the Erlang B recursion B(n) = A·B(n−1) ÷ (n + A·B(n−1)) which stays
/// stable for hundreds of agents (the textbook factorial form overflows); C = N·B ÷ (N − A·(1 − B)).
/// Service level = 1 − C·e^(−(N − A)·T ÷ AHT); ASA = C·AHT ÷ (N − A); occupancy = A ÷ N.
/// </summary>
public static class ErlangC
{
    public static StaffingLevel Evaluate(IntervalLoad load, int agents, TimeSpan target)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        var a = load.Erlangs;
        if (a == 0) return new StaffingLevel(agents, 0, 1, TimeSpan.Zero, 0, 0);
        if (agents <= a) // the queue grows without end: every caller waits, and forever on average
            return new StaffingLevel(agents, 1, 0, TimeSpan.MaxValue, 1, 0);

        var wait = WaitProbability(agents, a);
        var aht = load.AverageHandleTime.TotalSeconds;
        var serviceLevel = 1 - wait * Math.Exp(-(agents - a) * target.TotalSeconds / aht);
        var asa = wait * aht / (agents - a);
        return new StaffingLevel(agents, wait, serviceLevel, TimeSpan.FromSeconds(asa), a / agents, 0);
    }

    /// <summary>C(N, A): the probability that an arriving caller finds every agent busy.</summary>
    public static double WaitProbability(int agents, double erlangs)
    {
        if (agents <= erlangs) return 1;
        var b = ErlangB(agents, erlangs);
        return agents * b / (agents - erlangs * (1 - b));
    }

    /// <summary>B(N, A): the blocking probability of N lines with no queue.</summary>
    public static double ErlangB(int lines, double erlangs)
    {
        var b = 1.0;
        for (var n = 1; n <= lines; n++) b = erlangs * b / (n + erlangs * b);
        return b;
    }
}
