using Outbound.Core.Pacing;

namespace Outbound.Core.Simulation;

/// <summary>What the person (or machine) behind one number of a scenario's list will do when dialled.</summary>
/// <param name="RingSeconds">Seconds from the dial to the answer or the busy signal (the ring timeout for a no-answer).</param>
/// <param name="FalsePositive">A human the detector will take for a machine.</param>
/// <param name="TalkSeconds">How long the callee stays once put through to an agent (a machine: until the agent moves on).</param>
public sealed record CalleeDraw(DialedParty Party, double RingSeconds, bool FalsePositive, double TalkSeconds);

public enum DialedParty { Human, Machine, Busy, NoAnswer }

/// <summary>
/// The scenario's world, drawn the same way in both bench modes (common random numbers): the n-th number of the list and
/// the k-th agent's j-th after-call work, break and reaction come from a hash of (seed, n or k, j), not from one random
/// stream, so they do not depend on the order in which things happen. The simulator and the live bench (through the
/// simulated carrier and the simulated agents) then meet the same callees and the same agents, and where their figures
/// differ, it is the dialer's doing. Numbers are E.164 mobiles whose last nine digits are the list position; every
/// <see cref="DncEvery"/>-th is on the do-not-call list.
/// </summary>
public sealed class ScenarioDraws(PacingScenario scenario)
{
    public const int DncEvery = 250;
    private const string PhonePrefix = "+86139";

    private readonly Lognormal _talk = new(scenario.TalkSeconds.Mean, scenario.TalkSeconds.Sd);
    private readonly Lognormal _wrap = new(Math.Max(0.1, scenario.WrapSeconds), scenario.WrapSd);

    public PacingScenario Scenario => scenario;

    public static string PhoneOf(long index) => PhonePrefix + index.ToString("D8");

    public static long? IndexOf(string phoneE164) =>
        phoneE164.StartsWith(PhonePrefix, StringComparison.Ordinal) && long.TryParse(phoneE164.AsSpan(PhonePrefix.Length), out var index) ? index : null;

    public static bool IsDnc(long index) => index % DncEvery == DncEvery - 1;

    /// <summary>The callee at list position <paramref name="index"/>, dialled <paramref name="secondsIntoShift"/> after the start.</summary>
    public CalleeDraw Callee(long index, double secondsIntoShift)
    {
        var human = scenario.AnswerRateAt(secondsIntoShift);
        var u = Uniform(Stream.Outcome, index, 0);
        var party = u < human ? DialedParty.Human
            : u < human + scenario.MachineRate ? DialedParty.Machine
            : u < human + scenario.MachineRate + scenario.BusyRate ? DialedParty.Busy
            : DialedParty.NoAnswer;
        var r = Uniform(Stream.Ring, index, 0);
        var ring = party switch
        {
            DialedParty.Human or DialedParty.Machine => scenario.RingSeconds.Min + r * (scenario.RingSeconds.Max - scenario.RingSeconds.Min),
            DialedParty.Busy => 1 + 2 * r,
            _ => scenario.NoAnswerSeconds,
        };
        var falsePositive = party == DialedParty.Human && Uniform(Stream.Detector, index, 0) < scenario.AmdFalsePositiveRate;
        var talk = party switch
        {
            DialedParty.Human => _talk.FromStandardNormal(StandardNormal(Stream.Talk, index, 0)),
            DialedParty.Machine => scenario.MachineSeconds,
            _ => 0,
        };
        return new CalleeDraw(party, ring, falsePositive, talk);
    }

    /// <summary>Seconds the <paramref name="agent"/>-th agent takes to save the result of its <paramref name="call"/>-th call.</summary>
    public double Wrap(int agent, int call) => _wrap.FromStandardNormal(StandardNormal(Stream.Wrap, agent, call));

    /// <summary>Seconds an agent takes to go ready (the <paramref name="n"/>-th time: at login, then after each break).</summary>
    public double Reaction(int agent, int n)
    {
        var range = scenario.ReadyReactionSeconds;
        return range.Min + Uniform(Stream.Reaction, agent, n) * (range.Max - range.Min);
    }

    /// <summary>
    /// The agent's <paramref name="n"/>-th break: due this many seconds after it last went ready from login or a break
    /// (0.5–1.5 × the scenario's interval), and its length (0.5–1.5 × the scenario's length). Null when agents take none.
    /// </summary>
    public (double DueAfter, double Length)? Break(int agent, int n) =>
        scenario.BreakEveryMinutes <= 0 || scenario.BreakMinutes <= 0 ? null
        : (60 * scenario.BreakEveryMinutes * (0.5 + Uniform(Stream.BreakDue, agent, n)),
           60 * scenario.BreakMinutes * (0.5 + Uniform(Stream.BreakLength, agent, n)));

    /// <summary>The share of an agent's shift spent on breaks and getting ready again, on average.</summary>
    public double AwayShare
    {
        get
        {
            if (scenario.BreakEveryMinutes <= 0 || scenario.BreakMinutes <= 0) return 0;
            var away = 60 * scenario.BreakMinutes + (scenario.ReadyReactionSeconds.Min + scenario.ReadyReactionSeconds.Max) / 2;
            return away / (60 * scenario.BreakEveryMinutes + away);
        }
    }

    private enum Stream { Outcome = 1, Ring, Detector, Talk, Wrap, Reaction, BreakDue, BreakLength }

    private double Uniform(Stream stream, long a, long b)
    {
        var h = Mix((ulong)scenario.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xD1B54A32D192ED03UL);
        h = Mix(h ^ (ulong)a * 0xBF58476D1CE4E5B9UL);
        h = Mix(h ^ (ulong)b * 0x94D049BB133111EBUL);
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    private double StandardNormal(Stream stream, long a, long b)
    {
        var u1 = 1.0 - Uniform(stream, a, 2 * b);
        var u2 = Uniform(stream, a, 2 * b + 1);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>SplitMix64's finaliser: a well-mixed 64-bit hash.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
