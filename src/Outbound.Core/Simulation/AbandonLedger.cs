namespace Outbound.Core.Simulation;

/// <summary>
/// Every live call's fate in time order (connected or abandoned): the trailing-window counts the
/// strategy sees, and the worst rolling window afterwards.
/// </summary>
public sealed class AbandonLedger(double windowSeconds)
{
    private readonly List<(double At, bool Abandoned)> _events = [];
    private int _windowStart;
    private int _windowAbandoned;

    public int Abandoned { get; private set; }
    public int Connected { get; private set; }

    public void Record(double at, bool abandoned)
    {
        _events.Add((at, abandoned));
        if (abandoned) { Abandoned++; _windowAbandoned++; }
        else Connected++;
    }

    /// <summary>Abandoned and connected calls in (now − window, now]; calls are recorded in time order and asked about as time goes on.</summary>
    public (int Abandoned, int Connected) Trailing(double now)
    {
        while (_windowStart < _events.Count && _events[_windowStart].At <= now - windowSeconds)
        {
            if (_events[_windowStart].Abandoned) _windowAbandoned--;
            _windowStart++;
        }
        var live = _events.Count - _windowStart;
        return (_windowAbandoned, live - _windowAbandoned);
    }

    public double Rate => Abandoned + Connected == 0 ? 0 : (double)Abandoned / (Abandoned + Connected);

    /// <summary>
    /// The worst abandon rate over windows (τ − window, τ] lying inside [0, end]; when the window is
    /// as long as the shift or longer, the shift's own rate. A window's rate changes only when a call
    /// enters or leaves it, so those instants are the only candidates.
    /// </summary>
    public double MaxWindowRate(double end)
    {
        if (windowSeconds >= end) return Rate;
        var times = _events.Select(e => e.At).ToArray();
        var abandonedBefore = new int[_events.Count + 1];
        for (var i = 0; i < _events.Count; i++) abandonedBefore[i + 1] = abandonedBefore[i] + (_events[i].Abandoned ? 1 : 0);
        var candidates = times.Where(t => t >= windowSeconds).Concat(times.Select(t => t + windowSeconds).Where(t => t <= end)).Append(windowSeconds);
        var worst = 0.0;
        foreach (var tau in candidates)
        {
            var hi = UpperBound(times, tau);
            var lo = UpperBound(times, tau - windowSeconds);
            var live = hi - lo;
            if (live == 0) continue;
            worst = Math.Max(worst, (double)(abandonedBefore[hi] - abandonedBefore[lo]) / live);
        }
        return worst;
    }

    /// <summary>Index of the first time greater than <paramref name="value"/>.</summary>
    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
