namespace Outbound.Core.Pacing;

/// <summary>
/// The predictive model's picture of the near future, seen from a caller a new line would bring:
/// Z = (other callers answered by its horizon) − (agents free by then); when Z ≥ 0 the new line costs
/// an abandon, its own caller's or that of a caller it took the agent from. Given the
/// moment the new call is answered, Z is a constant plus independent Bernoulli terms: +1 for each
/// ringing line that may turn into a human, −1 for each busy agent that may be free in time. The
/// answer moment is uniform over the answer-delay range, so the risk is averaged over it (midpoint rule).
/// </summary>
internal sealed class QueueModel
{
    /// <summary>
    /// Points of the answer-delay range the risk is averaged over. A wrap-up that ends at a known instant makes the risk
    /// jump there: with only a few points, a line for an agent leaving wrap-up could look safe while a tenth of its quick
    /// answers would arrive, and be abandoned, before the agent is free; twenty keep that error within a twentieth. After-call
    /// work that ends when a person saves (spread out) leaves the risk smooth, and five points do.
    /// </summary>
    private static readonly double[] SharpMoments = Moments(20);
    private static readonly double[] SmoothMoments = Moments(5);

    private static double[] Moments(int count) => Enumerable.Range(0, count).Select(i => (i + 0.5) / count).ToArray();

    private readonly int _waitingMinusReady;
    private readonly CallStatistics _stats;
    private readonly double[] _ringing;
    private readonly IReadOnlyList<double> _horizons;
    private readonly IReadOnlyList<BusyAgent> _busy;
    private readonly Lognormal _talk;
    private readonly Lognormal _wrap;
    private readonly double[] _wrapPoints;
    private readonly double _staysReady;

    private QueueModel(PacingSnapshot snapshot)
    {
        var stats = snapshot.Statistics;
        _waitingMinusReady = snapshot.WaitingCalls - snapshot.ReadyAgents;
        _stats = stats;
        _ringing = snapshot.LinesInFlight.Select(l => l.RingElapsed.TotalSeconds).ToArray();
        var minDelay = stats.MinAnswerDelay.TotalSeconds;
        var spread = Math.Max(0, stats.MaxAnswerDelay.TotalSeconds - minDelay);
        var within = snapshot.Abandons.ConnectWithin.TotalSeconds;
        var moments = stats.WrapStdDev > TimeSpan.FromSeconds(1) ? SmoothMoments : SharpMoments;
        _horizons = moments.Select(q => minDelay + q * spread + within).ToArray();
        _busy = snapshot.BusyAgents;
        _talk = new Lognormal(Math.Max(1, stats.MeanTalk.TotalSeconds), stats.TalkStdDev.TotalSeconds);
        _wrap = new Lognormal(Math.Max(0.1, stats.MeanWrap.TotalSeconds), stats.WrapStdDev.TotalSeconds);
        _wrapPoints = WrapQuadrature.Select(p => _wrap.FromStandardNormal(p.Z)).ToArray();
        _staysReady = 1 - Math.Clamp(stats.NotReadyAfterCall, 0, 1);
    }

    /// <summary>Three-point Gauss–Hermite rule for the after-call work that follows a talk still going on.</summary>
    private static readonly (double Z, double Weight)[] WrapQuadrature = [(-Math.Sqrt(3), 1.0 / 6), (0, 2.0 / 3), (Math.Sqrt(3), 1.0 / 6)];

    public static QueueModel From(PacingSnapshot snapshot) => new(snapshot);

    /// <summary>
    /// P(a line ringing for <paramref name="ringSeconds"/> ends in a human answer): answers come
    /// uniformly over the answer-delay range, busies before its start, no-answers at the timeout.
    /// </summary>
    public static double HumanChance(CallStatistics stats, double ringSeconds, double within = double.PositiveInfinity)
    {
        var min = stats.MinAnswerDelay.TotalSeconds;
        var max = stats.MaxAnswerDelay.TotalSeconds;
        var stillToAnswer = AnswerShareAfter(ringSeconds, min, max);
        var noAnswer = Math.Max(0, 1 - stats.HumanAnswerRate - stats.MachineRate - stats.BusyRate);
        var human = stats.HumanAnswerRate * (stillToAnswer - AnswerShareAfter(ringSeconds + within, min, max));
        var alive = human + stats.MachineRate * stillToAnswer
            + (ringSeconds < min ? stats.BusyRate : 0)
            + (ringSeconds < stats.NoAnswerTimeout.TotalSeconds ? noAnswer : 0);
        return alive <= 0 ? 0 : human / alive;
    }

    /// <summary>Share of answers that come after <paramref name="t"/> seconds of ringing (uniform over [min, max]).</summary>
    private static double AnswerShareAfter(double t, double min, double max) =>
        t < min ? 1.0 : t >= max ? 0.0 : (max - t) / (max - min);

    /// <summary>
    /// P(a busy agent is ready by each horizon from now), one entry per horizon: the after-call work (or the talk and then
    /// the after-call work) ends in time, and the agent does not go on a break when saving the result. The survival up to
    /// now is worked out once per agent, the rest once per horizon.
    /// </summary>
    private void FreeWithin(BusyAgent agent, Span<double> free)
    {
        var elapsed = agent.Elapsed.TotalSeconds;
        if (agent.Activity == AgentActivity.Wrapping)
        {
            var survived = _wrap.Survival(elapsed);
            for (var h = 0; h < free.Length; h++) free[h] = _staysReady * Ends(_wrap, survived, elapsed, _horizons[h]);
            return;
        }
        var talked = _talk.Survival(elapsed);
        // Most talks are nowhere near their end: one look at the widest case spares the rest.
        if (Ends(_talk, talked, elapsed, _horizons[^1] - _wrapPoints[0]) < 1e-5)
        {
            free.Clear();
            return;
        }
        for (var h = 0; h < free.Length; h++)
        {
            var p = 0.0;
            for (var i = 0; i < WrapQuadrature.Length; i++)
                p += WrapQuadrature[i].Weight * Ends(_talk, talked, elapsed, _horizons[h] - _wrapPoints[i]);
            free[h] = _staysReady * p;
        }
    }

    /// <summary><see cref="Lognormal.EndsWithin"/> with the survival to <paramref name="elapsed"/> already known.</summary>
    private static double Ends(Lognormal d, double survived, double elapsed, double horizon)
    {
        if (horizon <= 0) return 0;
        if (survived <= 1e-12) return d.Sigma == 0 ? 1 : 0;
        return Math.Clamp((survived - d.Survival(elapsed + horizon)) / survived, 0, 1);
    }

    /// <summary>
    /// The number of new lines, each answered by a human with <paramref name="answerRate"/>, such
    /// that the last one, if answered, costs an abandon with probability at most threshold.
    /// Exact distributions for small teams, a normal approximation with continuity correction beyond.
    /// </summary>
    public int LinesWithinRisk(double answerRate, double threshold, int maxLines, int exactLimit)
    {
        var free = new double[_busy.Count, _horizons.Count];
        var row = new double[_horizons.Count];
        for (var a = 0; a < _busy.Count; a++)
        {
            FreeWithin(_busy[a], row);
            for (var h = 0; h < row.Length; h++) free[a, h] = row[h];
        }
        var views = Enumerable.Range(0, _horizons.Count).Select(h => View(h, free, exactLimit, maxLines)).ToArray();
        var lines = 0;
        while (lines < maxLines && views.Average(v => v.Risk()) <= threshold)
        {
            lines++;
            foreach (var v in views) v.AddLine(answerRate);
        }
        return lines;
    }

    private IHorizonView View(int h, double[,] free, int exactLimit, int maxLines)
    {
        var horizon = _horizons[h];
        var certain = _waitingMinusReady;
        var agents = new List<double>(_busy.Count);
        for (var a = 0; a < _busy.Count; a++)
        {
            var q = free[a, h];
            if (q >= 1 - 1e-6) certain--;
            else if (q > 1e-6) agents.Add(q);
        }
        // Callers competing with the new one: every ringing line that may be answered by the horizon.
        // Those answered after the new caller count too: if it takes the last free agent, one of them
        // is abandoned instead, so the new line's cost to the campaign is the same either way.
        var callers = new List<double>(_ringing.Length);
        foreach (var ring in _ringing)
        {
            var p = HumanChance(_stats, ring, horizon);
            if (p > 1e-6) callers.Add(p);
        }
        return callers.Count + agents.Count <= exactLimit
            ? new ExactView(certain, callers, agents, maxLines)
            : new NormalView(certain, callers, agents);
    }

    private interface IHorizonView
    {
        double Risk();
        void AddLine(double answerRate);
    }

    /// <summary>Z's exact distribution: pmf[i] = P(Z = i + offset).</summary>
    private sealed class ExactView : IHorizonView
    {
        private readonly double[] _pmf;
        private readonly int _offset;
        private int _width = 1;

        public ExactView(int certain, List<double> callers, List<double> agents, int maxLines)
        {
            _offset = certain - agents.Count;
            _pmf = new double[callers.Count + agents.Count + maxLines + 1];
            _pmf[0] = 1;
            foreach (var q in agents) AddStep(1 - q); // an agent not free in time moves Z up by one
            foreach (var p in callers) AddStep(p);
        }

        public double Risk()
        {
            var risk = 0.0;
            for (var i = Math.Max(0, -_offset); i < _width; i++) risk += _pmf[i];
            return risk;
        }

        public void AddLine(double answerRate) => AddStep(answerRate);

        private void AddStep(double p)
        {
            _pmf[_width] = 0;
            for (var i = _width; i > 0; i--) _pmf[i] = _pmf[i] * (1 - p) + _pmf[i - 1] * p;
            _pmf[0] *= 1 - p;
            _width++;
        }
    }

    private sealed class NormalView(int certain, List<double> callers, List<double> agents) : IHorizonView
    {
        private double _mean = certain + callers.Sum() - agents.Sum();
        private double _variance = callers.Sum(p => p * (1 - p)) + agents.Sum(q => q * (1 - q));

        public double Risk() =>
            _variance <= 1e-12 ? (_mean >= -0.5 ? 1 : 0) : Normal.Cdf((_mean + 0.5) / Math.Sqrt(_variance));

        public void AddLine(double answerRate)
        {
            _mean += answerRate;
            _variance += answerRate * (1 - answerRate);
        }
    }
}
