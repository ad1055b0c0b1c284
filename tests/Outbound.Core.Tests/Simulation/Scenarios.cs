using Outbound.Core.Simulation;

namespace Outbound.Core.Tests.Simulation;

internal static class Scenarios
{
    /// <summary>
    /// One agent, every call answered by a human after exactly 10 s, 60 s talk, 20 s wrap, 6 minutes:
    /// small enough to work out by hand. The agent is a machine of a person: ready at once, after-call
    /// work of exactly 20 s, no breaks (the scenario defaults give agents human reactions, varying
    /// after-call work and breaks).
    /// </summary>
    public static PacingScenario Tiny(double amdFalsePositiveRate = 0, double windowHours = 24) => new()
    {
        Name = "tiny",
        Seed = 1,
        Agents = 1,
        Hours = 0.1,
        AnswerRate = 1.0,
        MachineRate = 0,
        BusyRate = 0,
        RingSeconds = new SecondsRange { Min = 10, Max = 10 },
        NoAnswerSeconds = 30,
        TalkSeconds = new TalkSeconds { Mean = 60, Sd = 0 },
        WrapSeconds = 20,
        AbandonCap = 0.03,
        AbandonWindowHours = windowHours,
        ConnectWithinSeconds = 2,
        AmdFalsePositiveRate = amdFalsePositiveRate,
        WrapSdSeconds = 0,
        ReadyReactionSeconds = new SecondsRange { Min = 0, Max = 0 },
        BreakEveryMinutes = 0,
    };

    /// <summary>The scenario file shipped in campaigns/, found from the test's output folder upwards.</summary>
    public static IReadOnlyList<PacingScenario> Shipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "campaigns", "pacing-scenarios.json");
            if (File.Exists(file)) return PacingScenarios.Parse(File.ReadAllText(file));
        }
        throw new FileNotFoundException("campaigns/pacing-scenarios.json not found above " + AppContext.BaseDirectory);
    }
}
