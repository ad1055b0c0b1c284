using Outbound.Telephony.Port;

namespace Outbound.Telephony.Simulated;

/// <summary>
/// What the simulated callee will do, drawn once when the call is placed: who answers (and what the detector will say:
/// a false positive is a human with <see cref="AnsweredBy.Machine"/>) after <paramref name="RingTime"/>, or how the call
/// fails; <paramref name="TalkTime"/> is how long the callee stays once put through to an agent.
/// </summary>
public sealed record SimulatedOutcome(
    AnsweredBy? AnsweredBy,
    FailureReason? Failure,
    TimeSpan RingTime,
    TimeSpan TalkTime)
{
    internal static SimulatedOutcome Draw(Random random, SimulatedCarrierOptions o)
    {
        var ring = TimeSpan.FromSeconds(o.RingSecondsMin + random.NextDouble() * (o.RingSecondsMax - o.RingSecondsMin));
        var talk = TimeSpan.FromSeconds(LogNormal(random, o.TalkSecondsMean, o.TalkSecondsSd));
        var u = random.NextDouble();
        if ((u -= o.HumanAnswerRate) < 0)
            return new(random.NextDouble() < o.AmdFalsePositiveRate ? Port.AnsweredBy.Machine : Port.AnsweredBy.Human, null, ring, talk);
        if ((u -= o.MachineRate) < 0) return new(Port.AnsweredBy.Machine, null, ring, TimeSpan.FromSeconds(o.MachineGreetingSeconds));
        if ((u -= o.BusyRate) < 0) return Fail(FailureReason.Busy, o);
        if ((u -= o.InvalidRate) < 0) return Fail(FailureReason.Invalid, o);
        if ((u -= o.CongestionRate) < 0) return Fail(FailureReason.Congestion, o);
        if ((u -= o.RejectedRate) < 0) return Fail(FailureReason.Rejected, o);
        return new(null, FailureReason.NoAnswer, TimeSpan.MaxValue, TimeSpan.Zero);
    }

    private static SimulatedOutcome Fail(FailureReason reason, SimulatedCarrierOptions o) =>
        new(null, reason, TimeSpan.FromSeconds(o.FailSeconds), TimeSpan.Zero);

    private static double LogNormal(Random random, double mean, double sd)
    {
        if (sd == 0) return mean;
        var sigma2 = Math.Log(1 + sd * sd / (mean * mean));
        var mu = Math.Log(mean) - sigma2 / 2;
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(mu + Math.Sqrt(sigma2) * normal);
    }
}
