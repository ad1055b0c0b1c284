namespace Outbound.Core.Workforce.Staffing;

/// <summary>
/// Erlang A (Palm's M/M/N+M): callers hang up after an exponentially distributed patience with mean 1/θ.
/// Solved exactly on its birth–death chain (births λ, deaths N·μ + (k − N)·θ with k callers in the system),
/// truncated where the remaining probability is below 1e-12. With PASTA the arrival sees the stationary
/// distribution; P(abandon) = θ·E[queue] ÷ λ (Little). The wait of a caller who finds j callers queued ahead
/// is a pure-death chain (ahead shrinks at N·μ + i·θ while the caller's own patience runs at θ), solved by
/// uniformization to get P(answered within T). Always stable, so it gives figures for any N ≥ 1.
/// </summary>
public static class ErlangA
{
    private const double Tail = 1e-12;

    public static StaffingLevel Evaluate(IntervalLoad load, int agents, TimeSpan target)
    {
        if (load.AveragePatience is not { } patience) throw new ArgumentException("Erlang A needs the callers' average patience", nameof(load));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        var lambda = load.Calls / load.Interval.TotalSeconds;
        if (lambda == 0) return new StaffingLevel(agents, 0, 1, TimeSpan.Zero, 0, 0);
        var mu = 1 / load.AverageHandleTime.TotalSeconds;
        var theta = 1 / patience.TotalSeconds;

        var p = Stationary(lambda, mu, theta, agents);
        double wait = 0, queue = 0, busy = 0;
        for (var k = 0; k < p.Length; k++)
        {
            if (k >= agents) { wait += p[k]; queue += (k - agents) * p[k]; }
            busy += Math.Min(k, agents) * p[k];
        }
        var abandon = theta * queue / lambda;
        // Answered within T: those who find a free agent, plus queued callers reached in time.
        var withinTarget = 1 - wait;
        var waitOfAnswered = 0.0;
        var queued = Queued(p.Length - agents, agents * mu, theta, target.TotalSeconds);
        for (var j = 0; j + agents < p.Length; j++)
        {
            withinTarget += p[agents + j] * queued.WithinTarget[j];
            waitOfAnswered += p[agents + j] * queued.AnsweredWait[j];
        }
        var answered = 1 - abandon;
        var asa = answered > 0 ? waitOfAnswered / answered : double.PositiveInfinity;
        return new StaffingLevel(agents, wait, withinTarget, double.IsFinite(asa) ? TimeSpan.FromSeconds(asa) : TimeSpan.MaxValue,
            busy / agents, abandon);
    }

    private static double[] Stationary(double lambda, double mu, double theta, int agents)
    {
        var weights = new List<double> { 1.0 };
        var w = 1.0;
        var total = 1.0;
        for (var k = 1; ; k++)
        {
            var death = Math.Min(k, agents) * mu + Math.Max(k - agents, 0) * theta;
            w *= lambda / death;
            weights.Add(w);
            total += w;
            // Beyond N the ratio λ/death keeps falling, so once a term is negligible the tail is too.
            if (k > agents && w / total < Tail && lambda / death < 1) break;
            if (w > 1e250) { for (var i = 0; i < weights.Count; i++) weights[i] /= 1e250; total /= 1e250; w /= 1e250; }
        }
        return weights.Select(x => x / total).ToArray();
    }

    /// <param name="WithinTarget">P(answered within the target) for a caller who finds j callers queued ahead.</param>
    /// <param name="AnsweredWait">E[wait · 1{answered}] for that caller.</param>
    private sealed record QueuedCaller(double[] WithinTarget, double[] AnsweredWait);

    /// <summary>
    /// In position i the caller stays an exponential time with rate r = Nμ + iθ + θ and moves up with probability
    /// (Nμ + iθ) ÷ r; the stay does not depend on which way it ends, so E[wait · 1{answered}] from j ahead is
    /// P(answered) · Σ_{i ≤ j} 1/r_i.
    /// </summary>
    private static QueuedCaller Queued(int count, double serviceRate, double theta, double seconds)
    {
        var answeredWait = new double[count];
        var answeredProbability = 1.0;
        var meanStay = 0.0;
        for (var j = 0; j < count; j++)
        {
            var advance = serviceRate + j * theta;
            answeredProbability *= advance / (advance + theta);
            meanStay += 1 / (advance + theta);
            answeredWait[j] = answeredProbability * meanStay;
        }

        var within = new double[count];
        if (seconds <= 0 || count == 0) return new QueuedCaller(within, answeredWait);
        // Uniformization at rate Λ ≥ every leaving rate: answered[i] after n steps from position i is
        // stay_i · answered[i] + up_i · answered[i − 1] (answered[−1] = 1); weight step counts by Poisson(Λ·T) in logs.
        var uniform = serviceRate + count * theta;
        var lt = uniform * seconds;
        var steps = (int)Math.Ceiling(lt + 12 * Math.Sqrt(lt) + 20);
        var answered = new double[count];
        var previous = new double[count];
        var logPoisson = -lt;
        var weightSum = Math.Exp(logPoisson);
        for (var n = 1; n <= steps; n++)
        {
            (previous, answered) = (answered, previous);
            for (var i = 0; i < count; i++)
            {
                var up = (serviceRate + i * theta) / uniform;
                var stay = 1 - up - theta / uniform;
                answered[i] = stay * previous[i] + up * (i == 0 ? 1 : previous[i - 1]);
            }
            logPoisson += Math.Log(lt / n);
            var weight = Math.Exp(logPoisson);
            weightSum += weight;
            for (var i = 0; i < count; i++) within[i] += weight * answered[i];
        }
        // Steps beyond the horizon carry < 1e-12 of the Poisson mass; bound them by the last state.
        for (var i = 0; i < count; i++) within[i] += Math.Max(0, 1 - weightSum) * answered[i];
        return new QueuedCaller(within, answeredWait);
    }
}
