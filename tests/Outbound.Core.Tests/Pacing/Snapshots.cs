using Outbound.Core.Pacing;

namespace Outbound.Core.Tests.Pacing;

/// <summary>Snapshots for strategy tests: a campaign with 30 % human answers, 3 min talk, 25 s wrap, 3 % cap.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static CallStatistics Statistics(double humanRate = 0.3) => new(
        humanRate, MachineRate: 0.1, BusyRate: 0.08,
        MeanTalk: TimeSpan.FromSeconds(180), TalkStdDev: TimeSpan.FromSeconds(110), MeanWrap: TimeSpan.FromSeconds(25),
        MinAnswerDelay: TimeSpan.FromSeconds(5), MaxAnswerDelay: TimeSpan.FromSeconds(15), NoAnswerTimeout: TimeSpan.FromSeconds(30));

    public static PacingSnapshot Make(
        int ready = 0,
        IEnumerable<BusyAgent>? busy = null,
        IEnumerable<double>? ringingSeconds = null,
        int waiting = 0,
        int abandoned = 0,
        int connected = 0,
        int? leads = null,
        double secondsAfterStart = 0,
        double humanRate = 0.3) =>
        new(Start.AddSeconds(secondsAfterStart), ready, (busy ?? []).ToList(),
            (ringingSeconds ?? []).Select(s => new LineInFlight(TimeSpan.FromSeconds(s))).ToList(), waiting,
            Statistics(humanRate), new AbandonWindow(abandoned, connected, 0.03, TimeSpan.FromSeconds(2)), leads);

    public static IEnumerable<BusyAgent> Talking(int count, double seconds) =>
        Enumerable.Range(0, count).Select(_ => BusyAgent.Talking(TimeSpan.FromSeconds(seconds)));

    public static IEnumerable<BusyAgent> Wrapping(int count, double seconds) =>
        Enumerable.Range(0, count).Select(_ => BusyAgent.Wrapping(TimeSpan.FromSeconds(seconds)));

    public static PacingDecision Decide(string strategy, PacingSnapshot snapshot)
    {
        var s = PacingStrategies.Create(strategy);
        return s.Decide(snapshot, s.InitialState).Decision;
    }
}
