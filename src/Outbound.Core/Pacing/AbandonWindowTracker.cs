namespace Outbound.Core.Pacing;

/// <summary>Live calls of one stretch of time: those connected, those abandoned, and how many of them passed the detector.</summary>
/// <param name="At">When the stretch ended (a call's own instant, or the end of a minute of history).</param>
/// <param name="DetectorPassed">Live calls the detector judged human: its hidden errors are estimated in proportion to them.</param>
public readonly record struct WindowCalls(DateTimeOffset At, int Connected, int Abandoned, int DetectorPassed);

/// <summary>
/// The live calls inside the campaign's rolling abandon window (the preset's 24 h or 30 days, or the campaign's shorter
/// window), as the regulator counts them: history loaded per minute when the campaign starts, then each call as it
/// is connected or abandoned. Calls leave the window once they are older than it.
/// </summary>
public sealed class AbandonWindowTracker(TimeSpan window)
{
    private readonly Queue<WindowCalls> _calls = new();
    private int _connected, _abandoned, _passed;

    public TimeSpan Length => window;

    public void Add(WindowCalls calls)
    {
        _calls.Enqueue(calls);
        _connected += calls.Connected;
        _abandoned += calls.Abandoned;
        _passed += calls.DetectorPassed;
    }

    public void Connected(DateTimeOffset at, bool detectorPassed) => Add(new WindowCalls(at, 1, 0, detectorPassed ? 1 : 0));

    public void Abandoned(DateTimeOffset at, bool detectorPassed) => Add(new WindowCalls(at, 0, 1, detectorPassed ? 1 : 0));

    /// <summary>
    /// The window ending now; where <paramref name="falsePositives"/> is given (the preset counts them), the humans the
    /// detector hung up on are estimated from the live calls it passed: rate / (1 − rate) of them.
    /// </summary>
    /// <param name="ahead">
    /// Count the window as it will stand this long from now if no call came meanwhile: the calls that leave it by then
    /// are left out. An abandon made now stays in the window for its whole length, while the live calls that made room for
    /// it leave one by one; pacing looks ahead so that a short window cannot slide over the cap.
    /// </param>
    public AbandonWindow Counts(DateTimeOffset now, double cap, TimeSpan connectWithin, DetectorErrors? falsePositives, TimeSpan ahead = default)
    {
        while (_calls.TryPeek(out var oldest) && oldest.At <= now - window)
        {
            _calls.Dequeue();
            _connected -= oldest.Connected;
            _abandoned -= oldest.Abandoned;
            _passed -= oldest.DetectorPassed;
        }
        var (connected, abandoned, passed) = (_connected, _abandoned, _passed);
        if (ahead > TimeSpan.Zero)
            foreach (var leaving in _calls.TakeWhile(c => c.At <= now + ahead - window))
                (connected, abandoned, passed) = (connected - leaving.Connected, abandoned - leaving.Abandoned, passed - leaving.DetectorPassed);
        var counts = new AbandonWindow(abandoned, connected, cap, connectWithin);
        if (falsePositives is null || passed == 0) return counts;
        // Counted as the regulator counts them: the estimated rate applied to the calls the detector passed (Ofcom asks for
        // a reasoned estimate, not a count nobody can make). The configured rate is conservative; checks move it.
        var rate = Math.Min(falsePositives.Rate, 0.5);
        return counts with { FalsePositives = rate / (1 - rate) * passed };
    }
}
