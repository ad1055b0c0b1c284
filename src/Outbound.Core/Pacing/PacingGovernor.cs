namespace Outbound.Core.Pacing;

/// <summary>How a predictive campaign dials now.</summary>
public enum PacingMode
{
    /// <summary>The predictive strategy decides.</summary>
    Predictive,
    /// <summary>The team is too small for predictive dialing: progressive, one held line per ready agent.</summary>
    SmallTeam,
    /// <summary>The abandon window has too few live calls yet to take a single abandon: progressive until it can.</summary>
    WindowFilling,
    /// <summary>The window's abandon rate, with its uncertainty, reached the cap: progressive until it has room again.</summary>
    CapFallback,
}

/// <summary>Something the campaign's manager is told, and the live page lists.</summary>
public enum PacingNoticeKind
{
    /// <summary>Pacing fell back to progressive because the abandon window is at the cap.</summary>
    CapFallback,
    /// <summary>The window has room again: predictive dialing resumed.</summary>
    PredictiveResumed,
    /// <summary>The detector's false positives alone would use too much of the cap: detection is off for the campaign.</summary>
    DetectorOff,
}

/// <param name="Rate">The window's abandon rate (false positives counted where the preset counts them) when it happened.</param>
/// <param name="FalsePositiveRate">The detector's estimated false-positive rate then.</param>
public sealed record PacingNotice(PacingNoticeKind Kind, DateTimeOffset At, double Rate, double FalsePositiveRate);

/// <summary>The governor's memory: the mode since when, and whether (since when) it turned the detector off.</summary>
public sealed record GovernorState(PacingMode Mode, DateTimeOffset Since, DateTimeOffset? DetectorOffSince = null)
{
    public static GovernorState Start(DateTimeOffset now) => new(PacingMode.Predictive, now);
    public bool DetectorOff => DetectorOffSince is not null;
}

/// <summary>What the governor looks at.</summary>
/// <param name="Team">Agents working the campaign now (ready, held, on a call or in after-call work; not those on a break).</param>
/// <param name="PooledLinesInFlight">Lines ringing without an agent of their own: they may still be abandoned.</param>
/// <param name="Detecting">The detector runs and the dialer hangs up on its machine verdicts (configured on, not turned off).</param>
/// <param name="CountFalsePositives">The preset counts the detector's false positives as abandons.</param>
public sealed record GovernorInput(
    DateTimeOffset Now,
    int Team,
    int PooledLinesInFlight,
    AbandonWindow Window,
    TimeSpan WindowLength,
    CallStatistics Statistics,
    DetectorErrors Detector,
    bool Detecting,
    bool CountFalsePositives);

/// <summary>
/// The safety layer over predictive pacing, a pure decision (state in, state and notices out):
/// <list type="bullet">
/// <item>below <see cref="GuardOptions.MinTeam"/> working agents, or when the window could not hold
/// <see cref="GuardOptions.MinWindowAbandons"/> abandons at the cap with this team, dial progressively;</item>
/// <item>when the window's room for abandons — cap × live − abandoned, false positives counted at their upper bound,
/// less the abandons the pooled lines in flight may still bring at their upper bound — falls under
/// <see cref="GuardOptions.FallbackRoom"/>, fall back to progressive, tell the manager, and come back only once the room
/// is <see cref="GuardOptions.ResumeRoom"/> again (short of room without any abandon, as a new campaign's window, it is
/// only filling: no notice);</item>
/// <item>when the detector's estimated false positives alone would use more than <see cref="GuardOptions.DetectorShareOfCap"/>
/// of the cap (where they count), turn detection off for the campaign: machines then go to agents.</item>
/// </list>
/// </summary>
public static class PacingGovernor
{
    public static (GovernorState State, IReadOnlyList<PacingNotice> Notices) Decide(GovernorState state, GovernorInput input, GuardOptions options)
    {
        var notices = new List<PacingNotice>();
        var window = input.Window;
        var falsePositiveRate = input.Detector.Rate;
        if (!state.DetectorOff && input.Detecting && input.CountFalsePositives && input.Detector.Exceeds(options.DetectorShareOfCap * window.Cap, options.DetectorOffZ))
        {
            state = state with { DetectorOffSince = input.Now };
            notices.Add(new PacingNotice(PacingNoticeKind.DetectorOff, input.Now, window.Rate, falsePositiveRate));
        }

        var mode = Mode(state.Mode, input, options);
        if (mode == state.Mode) return (state, notices);
        if (mode == PacingMode.CapFallback)
            notices.Add(new PacingNotice(PacingNoticeKind.CapFallback, input.Now, window.Rate, falsePositiveRate));
        else if (state.Mode == PacingMode.CapFallback && mode == PacingMode.Predictive)
            notices.Add(new PacingNotice(PacingNoticeKind.PredictiveResumed, input.Now, window.Rate, falsePositiveRate));
        return (state with { Mode = mode, Since = input.Now }, notices);
    }

    /// <summary>The smallest team that may dial predictively under these figures.</summary>
    public static int MinPredictiveTeam(GovernorInput input, GuardOptions options)
    {
        var stats = input.Statistics;
        var cycle = Math.Max(1, (stats.MeanTalk + stats.MeanWrap).TotalSeconds);
        var horizon = Math.Min(input.WindowLength.TotalSeconds, options.TeamHorizon.TotalSeconds);
        var abandonsPerAgent = input.Window.Cap * horizon / cycle;
        var byBudget = abandonsPerAgent <= 0 ? int.MaxValue : (int)Math.Ceiling(options.MinWindowAbandons / abandonsPerAgent - 1e-9);
        return Math.Max(options.MinTeam, byBudget);
    }

    private static PacingMode Mode(PacingMode current, GovernorInput input, GuardOptions options)
    {
        if (input.Team < MinPredictiveTeam(input, options)) return PacingMode.SmallTeam;
        var room = Room(input, options);
        // Hysteresis after a fall-back at the cap; a window that was only filling resumes as soon as it has the room.
        if (room >= (current == PacingMode.CapFallback ? options.ResumeRoom : options.FallbackRoom)) return PacingMode.Predictive;
        // Short of room without a single abandon: the window only holds too few live calls yet (a new campaign), no notice.
        var filling = input.Window.Abandoned == 0;
        return filling && current != PacingMode.CapFallback ? PacingMode.WindowFilling : PacingMode.CapFallback;
    }

    /// <summary>Room for abandons with the uncertain parts at their upper bounds.</summary>
    public static double Room(GovernorInput input, GuardOptions options)
    {
        var window = input.Window;
        var room = window.Room(options.Z);
        // The pooled lines ringing now may each be abandoned; in expectation about answer rate × target share.
        var expected = input.PooledLinesInFlight * input.Statistics.HumanAnswerRate * window.Cap;
        return room - expected - options.Z * Math.Sqrt(expected);
    }

}
