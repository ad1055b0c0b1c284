using Outbound.Core.Campaigns;
using Outbound.Core.Pacing;

namespace Outbound.Dialer.Campaigns;

/// <summary>
/// The measured behaviour of one campaign's calls, fed to its pacing strategy. Starts from a prior worth
/// <see cref="PriorCalls"/> calls so that the first few outcomes do not swing the dial level.
/// </summary>
internal sealed class CampaignStatistics(TimeSpan wrap, TimeSpan connectWithin, TimeSpan noAnswerTimeout, decimal cap, TimeSpan window)
{
    private const double PriorCalls = 20;
    private double _calls, _human, _machine, _busy;
    private double _talkCount, _talkMean = 60, _talkM2;
    private readonly Queue<(DateTimeOffset At, bool Abandoned)> _live = new();

    public int Placed { get; private set; }
    public int Completed { get; private set; }

    public double HumanAnswerRate => (_human + 0.3 * PriorCalls) / (_calls + PriorCalls);

    public void Dialled() => Placed++;

    public void Record(CallOutcome outcome, DateTimeOffset at, TimeSpan? talk)
    {
        Completed++;
        _calls++;
        if (outcome is CallOutcome.Answered or CallOutcome.Abandoned) _human++;
        if (outcome == CallOutcome.Machine) _machine++;
        if (outcome == CallOutcome.Busy) _busy++;
        if (outcome is CallOutcome.Answered or CallOutcome.Abandoned) _live.Enqueue((at, outcome == CallOutcome.Abandoned));
        if (talk is { } t)
        {
            _talkCount++;
            var delta = t.TotalSeconds - _talkMean;
            _talkMean += delta / _talkCount;
            _talkM2 += delta * (t.TotalSeconds - _talkMean);
        }
    }

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
