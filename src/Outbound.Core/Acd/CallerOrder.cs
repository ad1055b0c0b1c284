namespace Outbound.Core.Acd;

/// <summary>Which waiting caller is served first: priority that grows with waiting, then arrival.</summary>
public static class CallerOrder
{
    /// <summary>The caller's priority now: the starting priority plus <see cref="QueuePolicy.PriorityPerMinute"/> per minute waited.</summary>
    public static double EffectivePriority(AcdCaller caller, DateTimeOffset now, QueuePolicy policy) =>
        caller.Priority + caller.Waited(now).TotalMinutes * policy.PriorityPerMinute;

    /// <summary>The callers in serving order (highest effective priority first; the earlier arrival on a tie).</summary>
    public static IReadOnlyList<AcdCaller> Sort(IEnumerable<AcdCaller> callers, DateTimeOffset now, QueuePolicy policy) =>
        callers.OrderByDescending(c => EffectivePriority(c, now, policy)).ThenBy(c => c.ArrivedAt).ThenBy(c => c.CallerId, StringComparer.Ordinal).ToList();

    /// <summary>1-based position of a caller in the serving order; 0 when it is not waiting.</summary>
    public static int PositionOf(string callerId, IEnumerable<AcdCaller> callers, DateTimeOffset now, QueuePolicy policy)
    {
        var sorted = Sort(callers, now, policy);
        for (var i = 0; i < sorted.Count; i++)
            if (sorted[i].CallerId == callerId) return i + 1;
        return 0;
    }

    /// <summary>
    /// Expected wait for a caller at <paramref name="position"/>: the callers ahead are served by the agents
    /// handling calls, each freeing up about once per average handling time.
    /// </summary>
    public static TimeSpan ExpectedWait(int position, int agentsStaffed, TimeSpan averageHandlingTime)
    {
        if (position <= 0) return TimeSpan.Zero;
        if (agentsStaffed <= 0) return TimeSpan.MaxValue;
        return averageHandlingTime * ((double)position / agentsStaffed);
    }
}
