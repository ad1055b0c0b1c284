using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Pacing;
using Outbound.Data.Dialing;

namespace Outbound.Dialer.Campaigns;

/// <summary>
/// The campaign actor's side of <see cref="CampaignPacer"/>: turns the reports of its calls and agents into the pacer's
/// observations (the same ones the simulator makes) and keeps the figures the live page shows besides — calls placed
/// and completed, the last decision, the time agents spent on answering machines since detection went off and the
/// false positives that spared. A reload of the campaign starts a new one; calls keep the one they were dialled under.
/// </summary>
internal sealed class CampaignPacing
{
    private double _machineSeconds;
    private int _humansSinceDetectorOff;

    public CampaignPacing(CampaignPacer pacer) => Pacer = pacer;

    public CampaignPacer Pacer { get; }
    public int Completed { get; private set; }
    public PacerDecision? Last { get; private set; }

    /// <summary>The campaign's rules for the pacer: the stricter of preset and campaign for cap and window.</summary>
    public static PacerRules Rules(DialerCampaign campaign, CompliancePolicy policy, DialerOptions options, bool governed)
    {
        var settings = campaign.Settings;
        var regulator = policy.Regulator;
        var window = TimeSpan.FromHours(settings.AbandonWindowHours);
        var presetWindow = regulator.AbandonWindow.ToTimeSpan();
        return new PacerRules(
            (double)Math.Min(settings.AbandonCap, regulator.AbandonCap),
            window < presetWindow ? window : presetWindow,
            options.ConnectWithin,
            regulator.CountAmdFalsePositives,
            settings.AmdEnabled,
            (double)settings.AmdFalsePositiveRate,
            governed);
    }

    /// <summary>Starts a pacer from the campaign's own history (window, detector checks, recent figures).</summary>
    public static CampaignPacing Start(IPacingStrategy strategy, PacerRules rules, GuardOptions guard, CallStatistics fallbackPrior,
        PacingHistory? history, DateTimeOffset now)
    {
        var pacer = new CampaignPacer(strategy, rules, guard, history?.Prior ?? fallbackPrior, now);
        if (history is not null)
        {
            foreach (var minute in history.Window) pacer.Window.Add(minute);
            var d = history.Detector;
            pacer.Detector.Load(d.MachineVerdicts, d.CheckedMachineVerdicts, d.HumansAmongMachineVerdicts, d.PassedHumans);
        }
        return new CampaignPacing(pacer);
    }

    public PacerDecision Decide(PacingSituation situation) => Last = Pacer.Decide(situation);

    /// <summary>An answer that needs an agent (the detector's machine verdicts the dialer hung up on are counted at the end).</summary>
    public void Answered(long dial, TimeSpan afterDial)
    {
        Pacer.Measurements.Answered(afterDial);
        Pacer.Measurements.Resolved(dial, DialResult.NeedsAgent);
    }

    /// <summary>The call dialled under this pacing is over: its outcome counts for the answer rates and talk time.</summary>
    public void Finished(long dial, CallRecord record, TimeSpan? talk)
    {
        Pacer.Measurements.Resolved(dial, record.Outcome switch
        {
            CallOutcome.Answered or CallOutcome.Abandoned => DialResult.NeedsAgent,
            CallOutcome.Machine when record.ConnectedAt is not null => DialResult.NeedsAgent,
            CallOutcome.Machine => DialResult.Machine,
            CallOutcome.Busy => DialResult.Busy,
            _ => DialResult.NoAnswer,
        });
        if (talk is { } t) Pacer.Measurements.Talked(t);
    }

    /// <summary>
    /// A call of the campaign is over and dispositioned (whichever pacing dialled it, even one an earlier incarnation
    /// did): a live call counts for the window (an agent who found an answering machine does not make it one), a judged
    /// answer an agent heard for the detector.
    /// </summary>
    /// <param name="hungUpOnMachines">The call was dialled with the dialer hanging up on machine verdicts.</param>
    public void Observed(CallRecord record, DateTimeOffset now, TimeSpan? talk, bool hungUpOnMachines)
    {
        Completed++;
        var machineFound = record.Disposition == Disposition.AnsweringMachineCode;
        var verdict = record.AmdResult;
        if (verdict == "machine") Pacer.Detector.MachineVerdict();
        var passed = hungUpOnMachines && verdict == "human";
        if (record.ConnectedAt is not null)
        {
            if (verdict is "machine" or "human") Pacer.Detector.Heard(verdict == "machine", human: !machineFound);
            if (!machineFound) Pacer.Window.Connected(now, passed);
            if (Pacer.Governor.DetectorOff)
            {
                if (machineFound) _machineSeconds += (talk ?? TimeSpan.Zero).TotalSeconds + ((record.WrapEndedAt ?? now) - record.EndedAt).TotalSeconds;
                else _humansSinceDetectorOff++;
            }
        }
        else if (record.Outcome == CallOutcome.Abandoned) Pacer.Window.Abandoned(now, passed);
    }

    public void Dropped(long dial) => Pacer.Measurements.Dropped(dial);

    /// <summary>An agent saved a result after this much after-call work, and went on a break or not.</summary>
    public void Wrapped(TimeSpan wrap, bool thenNotReady) => Pacer.Measurements.Wrapped(wrap, thenNotReady);

    public PacingStatus Status(DateTimeOffset now, int team)
    {
        var window = Pacer.WindowAt(now);
        var detector = Pacer.Detector;
        var rate = detector.Rate;
        return new PacingStatus(
            Last?.Mode ?? Pacer.Governor.Mode, Last?.ModeSince ?? Pacer.Governor.Since, team, Last?.MinTeam ?? 0,
            Pacer.Rules.Window, window.Abandoned, window.Connected, window.FalsePositives, window.Rate,
            Pacer.Rules.Detecting, Pacer.Governor.DetectorOffSince, rate, detector.Measured, detector.Checked, detector.Caught,
            _machineSeconds / 60, rate / (1 - rate) * _humansSinceDetectorOff);
    }
}

/// <summary>How a campaign paces now and why, for the live page.</summary>
/// <param name="MinTeam">The team predictive dialing needs (0 when the campaign is not predictive).</param>
/// <param name="FalsePositives">Humans the detector is estimated to have hung up on inside the window (counted as abandoned where the preset says so).</param>
/// <param name="DetectorConfigured">The campaign is set to detect answering machines.</param>
/// <param name="DetectorOffSince">When the dialer turned detection off because of its false positives.</param>
/// <param name="MachineMinutes">Agent minutes spent on answering machines put through since detection went off.</param>
/// <param name="FalsePositivesAvoided">Humans detection would have hung up on meanwhile (estimated): the abandons saved.</param>
public sealed record PacingStatus(
    PacingMode Mode,
    DateTimeOffset ModeSince,
    int Team,
    int MinTeam,
    TimeSpan Window,
    int WindowAbandoned,
    int WindowConnected,
    double FalsePositives,
    double WindowRate,
    bool DetectorConfigured,
    DateTimeOffset? DetectorOffSince,
    double FalsePositiveRate,
    bool FalsePositiveRateMeasured,
    double DetectorChecks,
    double DetectorCatches,
    double MachineMinutes,
    double FalsePositivesAvoided);
