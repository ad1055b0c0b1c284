namespace Outbound.Core.Pacing;

/// <summary>What a dial came to, as pacing counts it.</summary>
public enum DialResult
{
    /// <summary>Answered, and the answer needs an agent: a human, or a machine the detector let through or was not asked about.</summary>
    NeedsAgent,
    /// <summary>Answered by a machine and hung up on by the detector.</summary>
    Machine,
    Busy,
    /// <summary>Rang out, or failed in a way that keeps the line until the timeout is no concern of pacing.</summary>
    NoAnswer,
}

/// <summary>
/// The campaign's running estimates of its calls, as pacing reads them (<see cref="CallStatistics"/>): outcome shares,
/// answer delays, talk and after-call work, and how often agents go on a break when they save a result. Each starts
/// from a prior worth <c>priorWeight</c> observations, becomes a plain average as observations come, and from
/// <c>memory</c> observations on an exponentially weighted one, so that it follows an afternoon's change of answer rate.
/// Outcome shares count dials in the order they were placed (<see cref="DialOrderOutcomes{T}"/>): a human is known at
/// the answer, a busy in seconds, a no-answer only at the ring timeout.
/// </summary>
public sealed class CallMeasurements
{
    private readonly DialOrderOutcomes<DialResult> _order = new();
    private readonly TimeSpan _noAnswerTimeout;
    private Running _needsAgent, _machine, _busy, _answerDelay, _talk, _wrap, _notReadyAfterCall;

    public CallMeasurements(CallStatistics prior, double priorWeight = 20, double memory = 150)
    {
        _noAnswerTimeout = prior.NoAnswerTimeout;
        _needsAgent = Running.Start(prior.HumanAnswerRate, 0, priorWeight, memory);
        _machine = Running.Start(prior.MachineRate, 0, priorWeight, memory);
        _busy = Running.Start(prior.BusyRate, 0, priorWeight, memory);
        var delayMean = (prior.MinAnswerDelay + prior.MaxAnswerDelay).TotalSeconds / 2;
        var delaySd = (prior.MaxAnswerDelay - prior.MinAnswerDelay).TotalSeconds / Math.Sqrt(12);
        _answerDelay = Running.Start(delayMean, delaySd, priorWeight, memory);
        _talk = Running.Start(prior.MeanTalk.TotalSeconds, prior.TalkStdDev.TotalSeconds, priorWeight, memory);
        _wrap = Running.Start(prior.MeanWrap.TotalSeconds, prior.WrapStdDev.TotalSeconds, priorWeight, memory);
        _notReadyAfterCall = Running.Start(prior.NotReadyAfterCall, 0, priorWeight, memory);
    }

    /// <summary>Dials placed so far.</summary>
    public int Placed { get; private set; }

    /// <summary>A new dial; returns its number for <see cref="Resolved"/> and <see cref="Dropped"/>.</summary>
    public long Dialled()
    {
        Placed++;
        return _order.Place();
    }

    /// <summary>The dial's outcome is known (a later word on the same dial is ignored).</summary>
    public void Resolved(long dial, DialResult result) => Count(_order.Resolve(dial, result));

    /// <summary>The dial was not placed after all, or its call was lost.</summary>
    public void Dropped(long dial) => Count(_order.Drop(dial));

    /// <summary>A call was answered this long after it was dialled.</summary>
    public void Answered(TimeSpan afterDial) => _answerDelay.Add(afterDial.TotalSeconds);

    /// <summary>A connected call's talk ended after <paramref name="talk"/>.</summary>
    public void Talked(TimeSpan talk) => _talk.Add(talk.TotalSeconds);

    /// <summary>An agent saved a result after <paramref name="wrap"/> of after-call work, and went on a break or not.</summary>
    public void Wrapped(TimeSpan wrap, bool thenNotReady)
    {
        _wrap.Add(wrap.TotalSeconds);
        _notReadyAfterCall.Add(thenNotReady ? 1 : 0);
    }

    /// <summary>The estimates now; <paramref name="amdFalsePositiveRate"/> is the detector's (0 while it does not hang up).</summary>
    public CallStatistics Snapshot(double amdFalsePositiveRate = 0)
    {
        // Answers spread uniformly over [min, max]: mean ± √3 standard deviations.
        var spread = Math.Sqrt(3) * _answerDelay.StdDev;
        return new CallStatistics(
            _needsAgent.Mean, _machine.Mean, _busy.Mean,
            TimeSpan.FromSeconds(Math.Max(1, _talk.Mean)), TimeSpan.FromSeconds(_talk.StdDev),
            TimeSpan.FromSeconds(Math.Max(0, _wrap.Mean)),
            TimeSpan.FromSeconds(Math.Max(0, _answerDelay.Mean - spread)), TimeSpan.FromSeconds(_answerDelay.Mean + spread),
            _noAnswerTimeout, amdFalsePositiveRate)
        {
            WrapStdDev = TimeSpan.FromSeconds(_wrap.StdDev),
            NotReadyAfterCall = _notReadyAfterCall.Mean,
        };
    }

    private void Count(IReadOnlyList<DialResult> results)
    {
        foreach (var result in results)
        {
            _needsAgent.Add(result == DialResult.NeedsAgent ? 1 : 0);
            _machine.Add(result == DialResult.Machine ? 1 : 0);
            _busy.Add(result == DialResult.Busy ? 1 : 0);
        }
    }

    /// <summary>A mean and variance that start from a prior, average plainly, then forget exponentially.</summary>
    private struct Running
    {
        private double _priorWeight, _memory, _count, _variance;

        public double Mean { get; private set; }
        public readonly double StdDev => Math.Sqrt(Math.Max(0, _variance));

        public static Running Start(double mean, double stdDev, double priorWeight, double memory) =>
            new() { Mean = mean, _variance = stdDev * stdDev, _priorWeight = priorWeight, _memory = memory };

        public void Add(double x)
        {
            _count++;
            var weight = Math.Max(1 / (_count + _priorWeight), 1 / _memory);
            var delta = x - Mean;
            Mean += weight * delta;
            _variance = (1 - weight) * (_variance + weight * delta * delta);
        }
    }
}
