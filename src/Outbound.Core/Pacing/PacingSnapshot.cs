namespace Outbound.Core.Pacing;

/// <summary>
/// What a pacing strategy sees at one instant: the campaign's eligible agents, the lines still
/// ringing, the measured call statistics and the rolling abandon counts. Built by the campaign actor
/// (or the simulator) and handed to <see cref="IPacingStrategy.Decide"/>; the strategy never reads a clock.
/// </summary>
/// <param name="Now">The instant of the decision (virtual time in the simulator).</param>
/// <param name="ReadyAgents">Logged-in agents idle and ready for a call now, not held for a line of their own.</param>
/// <param name="BusyAgents">
/// Agents on a call, about to be (reserved for an answered call) or in after-call work; agents not ready or logging out
/// are left out, and so is an agent held for a ringing line (<see cref="PacingDecision.Reserve"/>) until that line ends.
/// </param>
/// <param name="LinesInFlight">Calls dialled and not yet answered or failed, other than lines holding their own agent.</param>
/// <param name="WaitingCalls">Live answers waiting for an agent (still inside the connect window).</param>
/// <param name="Statistics">Measured rates and durations of this campaign.</param>
/// <param name="Abandons">Rolling abandon counts and the cap.</param>
/// <param name="LeadsAvailable">Callable leads left to dial; null when unknown or unlimited.</param>
public sealed record PacingSnapshot(
    DateTimeOffset Now,
    int ReadyAgents,
    IReadOnlyList<BusyAgent> BusyAgents,
    IReadOnlyList<LineInFlight> LinesInFlight,
    int WaitingCalls,
    CallStatistics Statistics,
    AbandonWindow Abandons,
    int? LeadsAvailable = null)
{
    /// <summary>Agents that can still take a call now or soon.</summary>
    public int EligibleAgents => ReadyAgents + BusyAgents.Count;
}

public enum AgentActivity
{
    Talking,
    /// <summary>After-call work (话后处理).</summary>
    Wrapping,
}

/// <summary>An eligible agent who is not free yet, with the time spent in the current activity.</summary>
public sealed record BusyAgent(AgentActivity Activity, TimeSpan Elapsed)
{
    public static BusyAgent Talking(TimeSpan elapsed) => new(AgentActivity.Talking, elapsed);
    public static BusyAgent Wrapping(TimeSpan elapsed) => new(AgentActivity.Wrapping, elapsed);
}

/// <summary>A dialled call still ringing (or in call progress) for <see cref="RingElapsed"/>.</summary>
public sealed record LineInFlight(TimeSpan RingElapsed);

/// <summary>
/// Measured behaviour of the campaign's calls. Rates are shares of all dials: an answer that needs an agent
/// (<see cref="HumanAnswerRate"/>: a human, or a machine the detector lets through or is not asked about), an answering
/// machine hung up on, a busy signal; the rest ring until <see cref="NoAnswerTimeout"/>. Answers come between
/// <see cref="MinAnswerDelay"/> and <see cref="MaxAnswerDelay"/> after dialling. Talk and after-call work are lognormal
/// with the given means and standard deviations: after-call work ends when the agent saves the result, not on a timer.
/// <see cref="NotReadyAfterCall"/> is the share of agents who go not ready (a break) instead of ready when they save.
/// <see cref="AmdFalsePositiveRate"/> is the estimated share of human answers the detector hangs up on as machines
/// (0 while detection is off); where the preset counts them as abandons they use part of the abandon budget.
/// </summary>
public sealed record CallStatistics(
    double HumanAnswerRate,
    double MachineRate,
    double BusyRate,
    TimeSpan MeanTalk,
    TimeSpan TalkStdDev,
    TimeSpan MeanWrap,
    TimeSpan MinAnswerDelay,
    TimeSpan MaxAnswerDelay,
    TimeSpan NoAnswerTimeout,
    double AmdFalsePositiveRate = 0)
{
    public TimeSpan WrapStdDev { get; init; }
    public double NotReadyAfterCall { get; init; }

    /// <summary>What a campaign without history starts from: 30 % answers, two-minute talks, the configured wrap-up.</summary>
    public static CallStatistics Prior(TimeSpan wrap, TimeSpan noAnswerTimeout) => new(
        0.3, 0.15, 0.1, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(90), wrap,
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), noAnswerTimeout)
    {
        WrapStdDev = wrap / 2,
    };
}

/// <summary>
/// Live calls counted over the rolling compliance window (24 h, 30 days or a campaign's shorter one), the cap on the
/// share abandoned, and the time a live answer may wait for an agent before it is abandoned. Where the preset counts
/// them, the humans the detector hung up on are estimated (<see cref="FalsePositives"/>; a standard deviation where the
/// estimate has one) and counted as abandoned live calls.
/// </summary>
public sealed record AbandonWindow(int Abandoned, int Connected, double Cap, TimeSpan ConnectWithin)
{
    public double FalsePositives { get; init; }
    public double FalsePositivesStdDev { get; init; }

    public int Live => Abandoned + Connected;

    /// <summary>(abandoned + false positives) / (live + false positives); 0 before any live call.</summary>
    public double Rate => Live + FalsePositives <= 0 ? 0 : (Abandoned + FalsePositives) / (Live + FalsePositives);

    /// <summary>
    /// Abandons the window may still take before its rate reaches the cap, with the false-positive estimate counted at
    /// its upper bound (<paramref name="z"/> standard deviations): cap × (live + F) − (abandoned + F).
    /// </summary>
    public double Room(double z = 0)
    {
        var falsePositives = FalsePositives + z * FalsePositivesStdDev;
        return Cap * (Live + falsePositives) - Abandoned - falsePositives;
    }
}
