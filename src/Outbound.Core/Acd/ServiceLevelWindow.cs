namespace Outbound.Core.Acd;

/// <summary>How one inbound caller left the queue: answered after <paramref name="Waited"/>, or abandoned (or sent on).</summary>
public sealed record QueueExit(DateTimeOffset At, TimeSpan Waited, bool Answered);

/// <summary>The inbound figures of a short recent window, as blending and the wallboard read them.</summary>
public sealed record QueueWindowFigures(int Callers, double? ServiceLevel, double ArrivalsPerMinute);

public static class ServiceLevelWindow
{
    /// <summary>
    /// Over the exits of the last <paramref name="window"/>: the service level (callers answered within
    /// <paramref name="target"/> over all callers who left, abandons included: the usual "80/20" figure) and the
    /// arrival rate (exits per minute, a steady-state estimate). Null service level when no one left in the window.
    /// </summary>
    public static QueueWindowFigures Measure(IEnumerable<QueueExit> exits, DateTimeOffset now, TimeSpan window, TimeSpan target)
    {
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window));
        int callers = 0, inTime = 0;
        foreach (var exit in exits)
        {
            if (exit.At <= now - window || exit.At > now) continue;
            callers++;
            if (exit.Answered && exit.Waited <= target) inTime++;
        }
        return new QueueWindowFigures(callers, callers == 0 ? null : (double)inTime / callers, callers / window.TotalMinutes);
    }
}
