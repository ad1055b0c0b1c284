namespace Outbound.Core.Pacing;

/// <summary>
/// The predictive model's picture of the near future, seen from a caller a new line would bring:
/// Z = (callers ahead of it) − (agents free for it). That caller is abandoned when Z ≥ 0. Z is a
/// constant plus independent Bernoulli terms: +1 for each ringing line that may turn into a human,
/// −1 for each busy agent that may be free in time.
/// </summary>
internal sealed class QueueModel
{
    private static readonly double[] AnswerDelayQuantiles = [1.0 / 6, 0.5, 5.0 / 6];

    private readonly int _certain;
    private readonly List<double> _callers;
    private readonly List<double> _agents;

    private QueueModel(int certain, List<double> callers, List<double> agents) =>
        (_certain, _callers, _agents) = (certain, callers, agents);

    public static QueueModel From(PacingSnapshot snapshot)
    {
        var stats = snapshot.Statistics;
        var certain = snapshot.WaitingCalls - snapshot.ReadyAgents;
        var callers = new List<double>(snapshot.LinesInFlight.Count);
        foreach (var line in snapshot.LinesInFlight)
        {
            var p = HumanChance(stats, line.RingElapsed.TotalSeconds);
            if (p >= 1 - 1e-6) certain++;
            else if (p > 1e-6) callers.Add(p);
        }

        // A new call is answered somewhere in [min, max] answer delay; an agent serves it if free
        // by then plus the connect window. Averaged over three points of that uniform delay.
        var minDelay = stats.MinAnswerDelay.TotalSeconds;
        var spread = Math.Max(0, stats.MaxAnswerDelay.TotalSeconds - minDelay);
        var within = snapshot.Abandons.ConnectWithin.TotalSeconds;
        var horizons = AnswerDelayQuantiles.Select(q => minDelay + q * spread + within).ToArray();
        var talk = new Lognormal(Math.Max(1, stats.MeanTalk.TotalSeconds), stats.TalkStdDev.TotalSeconds);
        var wrap = stats.MeanWrap.TotalSeconds;
        var agents = new List<double>(snapshot.BusyAgents.Count);
        foreach (var agent in snapshot.BusyAgents)
        {
            var elapsed = agent.Elapsed.TotalSeconds;
            var q = horizons.Average(h => agent.Activity == AgentActivity.Wrapping
                ? (wrap - elapsed <= h ? 1.0 : 0.0)
                : talk.EndsWithin(elapsed, h - wrap));
            if (q >= 1 - 1e-6) certain--;
            else if (q > 1e-6) agents.Add(q);
        }
        return new QueueModel(certain, callers, agents);
    }

    /// <summary>
    /// P(a line ringing for <paramref name="ringSeconds"/> ends in a human answer): answers come
    /// uniformly over the answer-delay range, busies before its start, no-answers at the timeout.
    /// </summary>
    public static double HumanChance(CallStatistics stats, double ringSeconds)
    {
        var min = stats.MinAnswerDelay.TotalSeconds;
        var max = stats.MaxAnswerDelay.TotalSeconds;
        var stillToAnswer = ringSeconds < min ? 1.0 : ringSeconds >= max ? 0.0 : (max - ringSeconds) / (max - min);
        var noAnswer = Math.Max(0, 1 - stats.HumanAnswerRate - stats.MachineRate - stats.BusyRate);
        var human = stats.HumanAnswerRate * stillToAnswer;
        var alive = human + stats.MachineRate * stillToAnswer
            + (ringSeconds < min ? stats.BusyRate : 0)
            + (ringSeconds < stats.NoAnswerTimeout.TotalSeconds ? noAnswer : 0);
        return alive <= 0 ? 0 : human / alive;
    }

    /// <summary>
    /// The number of new lines, each answered by a human with <paramref name="answerRate"/>, such
    /// that the last one's caller still finds an agent with probability at least 1 − threshold.
    /// Exact distribution for small teams, a normal approximation with continuity correction beyond.
    /// </summary>
    public int LinesWithinRisk(double answerRate, double threshold, int maxLines, int exactLimit)
    {
        if (_callers.Count + _agents.Count <= exactLimit) return Exact(answerRate, threshold, maxLines);
        var mean = _certain + _callers.Sum() - _agents.Sum();
        var variance = _callers.Sum(p => p * (1 - p)) + _agents.Sum(q => q * (1 - q));
        var lines = 0;
        while (lines < maxLines && Risk(mean, variance) <= threshold)
        {
            lines++;
            mean += answerRate;
            variance += answerRate * (1 - answerRate);
        }
        return lines;
    }

    private static double Risk(double mean, double variance) =>
        variance <= 1e-12 ? (mean >= -0.5 ? 1 : 0) : Normal.Cdf((mean + 0.5) / Math.Sqrt(variance));

    private int Exact(double answerRate, double threshold, int maxLines)
    {
        // pmf[i] = P(Z = i + offset)
        var offset = _certain - _agents.Count;
        var pmf = new double[_callers.Count + _agents.Count + maxLines + 1];
        pmf[0] = 1;
        var width = 1;
        foreach (var q in _agents) width = AddBernoulli(pmf, width, 1 - q); // −1 with q: shift up when not free
        foreach (var p in _callers) width = AddBernoulli(pmf, width, p);
        var lines = 0;
        while (lines < maxLines && RiskAtLeastZero(pmf, width, offset) <= threshold)
        {
            lines++;
            width = AddBernoulli(pmf, width, answerRate);
        }
        return lines;
    }

    /// <summary>Convolves the pmf with a 0/1 step taken with probability <paramref name="p"/>.</summary>
    private static int AddBernoulli(double[] pmf, int width, double p)
    {
        pmf[width] = 0;
        for (var i = width; i > 0; i--) pmf[i] = pmf[i] * (1 - p) + pmf[i - 1] * p;
        pmf[0] *= 1 - p;
        return width + 1;
    }

    private static double RiskAtLeastZero(double[] pmf, int width, int offset)
    {
        var risk = 0.0;
        for (var i = Math.Max(0, -offset); i < width; i++) risk += pmf[i];
        return risk;
    }
}
