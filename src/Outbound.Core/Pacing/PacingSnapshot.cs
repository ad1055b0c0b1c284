namespace Outbound.Core.Pacing;

/// <summary>
/// What a pacing strategy sees at one instant: the campaign's eligible agents, the lines still
/// ringing, the measured call statistics and the rolling abandon counts. Built by the campaign actor
/// (or the simulator) and handed to <see cref="IPacingStrategy.Decide"/>; the strategy never reads a clock.
/// </summary>
/// <param name="Now">The instant of the decision (virtual time in the simulator).</param>
/// <param name="ReadyAgents">Logged-in agents idle and ready for a call now.</param>
/// <param name="BusyAgents">Eligible agents on a call or in after-call work; agents paused or logging out are left out.</param>
/// <param name="LinesInFlight">Calls dialled and not yet answered or failed.</param>
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
/// Measured behaviour of the campaign's calls. Rates are shares of all dials: a human answer, an
/// answering machine, a busy signal; the rest ring until <see cref="NoAnswerTimeout"/>.
/// Answers (human or machine) come between <see cref="MinAnswerDelay"/> and <see cref="MaxAnswerDelay"/> after dialling.
/// Talk time is lognormal with the given mean and standard deviation; wrap-up is about constant.
/// <see cref="AmdFalsePositiveRate"/> is the estimated share of human answers that AMD hangs up on as
/// machines; they count as abandons (Ofcom), so they use part of the abandon budget.
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
    double AmdFalsePositiveRate = 0);

/// <summary>
/// Abandons and connects counted over the rolling compliance window (e.g. Ofcom's 24 h), the cap
/// on their ratio, and the time a live answer may wait for an agent before it is abandoned.
/// </summary>
public sealed record AbandonWindow(int Abandoned, int Connected, double Cap, TimeSpan ConnectWithin)
{
    public int Live => Abandoned + Connected;

    /// <summary>abandoned / (abandoned + connected); 0 before any live call.</summary>
    public double Rate => Live == 0 ? 0 : (double)Abandoned / Live;
}
