using Outbound.Core.Campaigns;
using Outbound.Core.Pacing;

namespace Outbound.Dialer.Campaigns;

/// <summary>
/// The measured behaviour of one campaign's calls, fed to its pacing strategy. Starts from a prior worth
/// <see cref="PriorCalls"/> calls so that the first few outcomes do not swing the dial level. Outcome shares count dials
/// in the order they were placed (<see cref="DialOrderOutcomes{T}"/>): a human is known at the answer, a busy in seconds,
/// a no-answer only at the ring timeout.
/// </summary>
internal sealed class CampaignStatistics(TimeSpan wrap, TimeSpan connectWithin, TimeSpan noAnswerTimeout, decimal cap, TimeSpan window)
{
    private const double PriorCalls = 20;
    private double _calls, _human, _machine, _busy;
    private double _talkCount, _talkMean = 60, _talkM2;
    private readonly Queue<(DateTimeOffset At, bool Abandoned)> _live = new();
    private readonly DialOrderOutcomes<CallOutcome> _order = new();

    public int Placed { get; private set; }
    public int Completed { get; private set; }

    public double HumanAnswerRate => (_human + 0.3 * PriorCalls) / (_calls + PriorCalls);

    /// <returns>The dial's number, for <see cref="Classified"/>, <see cref="Finished"/> and <see cref="Dropped"/>.</returns>
    public long Dialled()
    {
        Placed++;
        return _order.Place();
    }

    /// <summary>The dial's outcome is known before the call ends (a human answered).</summary>
    public void Classified(long dial, CallOutcome outcome) => Count(_order.Resolve(dial, outcome));

    /// <summary>The dial was not placed after all, or its call was lost.</summary>
    public void Dropped(long dial) => Count(_order.Drop(dial));

    public void Finished(long dial, CallOutcome outcome, DateTimeOffset at, TimeSpan? talk)
    {
        Completed++;
        Classified(dial, outcome);
        if (outcome is CallOutcome.Answered or CallOutcome.Abandoned) _live.Enqueue((at, outcome == CallOutcome.Abandoned));
        if (talk is { } t)
        {
            _talkCount++;
            var delta = t.TotalSeconds - _talkMean;
            _talkMean += delta / _talkCount;
            _talkM2 += delta * (t.TotalSeconds - _talkMean);
        }
    }

    private void Count(IReadOnlyList<CallOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            _calls++;
            if (outcome is CallOutcome.Answered or CallOutcome.Abandoned) _human++;
            if (outcome == CallOutcome.Machine) _machine++;
            if (outcome == CallOutcome.Busy) _busy++;
        }
    }

    /// <summary>The campaign's limits changed while it runs: what was measured stays, later figures use the new limits.</summary>
    public void Retune(TimeSpan newWrap, decimal newCap, TimeSpan newWindow) => (wrap, cap, window) = (newWrap, newCap, newWindow);

    public AbandonWindow Abandons(DateTimeOffset now)
    {
        while (_live.TryPeek(out var oldest) && oldest.At < now - window) _live.Dequeue();
        var abandoned = _live.Count(l => l.Abandoned);
        return new AbandonWindow(abandoned, _live.Count - abandoned, (double)cap, connectWithin);
    }

    public CallStatistics Snapshot() => new(
        HumanAnswerRate,
        (_machine + 0.15 * PriorCalls) / (_calls + PriorCalls),
        (_busy + 0.1 * PriorCalls) / (_calls + PriorCalls),
        TimeSpan.FromSeconds(_talkMean),
        TimeSpan.FromSeconds(_talkCount > 1 ? Math.Sqrt(_talkM2 / (_talkCount - 1)) : 30),
        wrap,
        TimeSpan.FromSeconds(3),
        TimeSpan.FromSeconds(20),
        noAnswerTimeout);
}
