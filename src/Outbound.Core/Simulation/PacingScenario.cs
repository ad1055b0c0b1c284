using System.Text.Json.Serialization;

namespace Outbound.Core.Simulation;

/// <summary>
/// One pacing scenario in DESIGN.md's format ("Pacing scenarios and metrics"). Rates are shares of
/// all dials: a human answers (<see cref="AnswerRate"/>), an answering machine picks up, the line is
/// busy; the rest ring out after <see cref="NoAnswerSeconds"/>. Our optional additions: <see cref="Leads"/>
/// makes the list finite so it can run dry; the agents' human behaviours (after-call work that varies and
/// ends when the result is saved, breaks, the reaction time to go ready) and the machine handling when
/// detection is off have defaults; <see cref="ConfiguredAmdFalsePositiveRate"/> is what the campaign is told
/// of its detector (the true rate when absent); <see cref="CountAmdFalsePositives"/> whether the regulator
/// counts them as abandons (Ofcom does, and the bench metrics always count them).
/// </summary>
public sealed record PacingScenario
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("seed")] public int Seed { get; init; }
    [JsonPropertyName("agents")] public int Agents { get; init; }
    [JsonPropertyName("hours")] public double Hours { get; init; }
    [JsonPropertyName("answer_rate")] public double AnswerRate { get; init; }
    /// <summary>Human answer rate per hour of the shift; replaces <see cref="AnswerRate"/> where given.</summary>
    [JsonPropertyName("answer_rate_by_hour")] public IReadOnlyList<double>? AnswerRateByHour { get; init; }
    [JsonPropertyName("machine_rate")] public double MachineRate { get; init; }
    [JsonPropertyName("busy_rate")] public double BusyRate { get; init; }
    /// <summary>Time from dialling to a human or machine answer, uniform.</summary>
    [JsonPropertyName("ring_seconds")] public required SecondsRange RingSeconds { get; init; }
    [JsonPropertyName("no_answer_seconds")] public double NoAnswerSeconds { get; init; }
    [JsonPropertyName("talk_seconds")] public required TalkSeconds TalkSeconds { get; init; }
    [JsonPropertyName("wrap_seconds")] public double WrapSeconds { get; init; }
    [JsonPropertyName("abandon_cap")] public double AbandonCap { get; init; }
    [JsonPropertyName("abandon_window_hours")] public double AbandonWindowHours { get; init; }
    [JsonPropertyName("connect_within_seconds")] public double ConnectWithinSeconds { get; init; }
    [JsonPropertyName("amd_false_positive_rate")] public double AmdFalsePositiveRate { get; init; }
    [JsonPropertyName("leads")] public int? Leads { get; init; }
    /// <summary>Standard deviation of the after-call work (lognormal around <see cref="WrapSeconds"/>); default half of it.</summary>
    [JsonPropertyName("wrap_sd_seconds")] public double? WrapSdSeconds { get; init; }
    /// <summary>Seconds an agent takes to go ready after logging in or after a break (uniform).</summary>
    [JsonPropertyName("ready_reaction_seconds")] public SecondsRange ReadyReactionSeconds { get; init; } = new() { Min = 2, Max = 8 };
    /// <summary>Minutes of work between an agent's breaks (on average; 0: no breaks).</summary>
    [JsonPropertyName("break_every_minutes")] public double BreakEveryMinutes { get; init; } = 90;
    /// <summary>Average length of a break (not ready) in minutes.</summary>
    [JsonPropertyName("break_minutes")] public double BreakMinutes { get; init; } = 5;
    /// <summary>Seconds an agent spends on an answering machine put through to it (detection off) before moving on.</summary>
    [JsonPropertyName("machine_seconds")] public double MachineSeconds { get; init; } = 8;
    [JsonPropertyName("amd_false_positive_rate_configured")] public double? ConfiguredAmdFalsePositiveRate { get; init; }
    [JsonPropertyName("count_amd_false_positives")] public bool CountAmdFalsePositives { get; init; } = true;

    public double WrapSd => WrapSdSeconds ?? WrapSeconds / 2;
    public double ConfiguredFalsePositiveRate => ConfiguredAmdFalsePositiveRate ?? AmdFalsePositiveRate;

    /// <summary>The human answer rate in force at <paramref name="seconds"/> into the shift.</summary>
    public double AnswerRateAt(double seconds)
    {
        if (AnswerRateByHour is not { Count: > 0 } byHour) return AnswerRate;
        var hour = Math.Clamp((int)(seconds / 3600), 0, byHour.Count - 1);
        return byHour[hour];
    }
}

public sealed record SecondsRange
{
    [JsonPropertyName("min")] public double Min { get; init; }
    [JsonPropertyName("max")] public double Max { get; init; }
}

/// <summary>Lognormal talk time given by mean and standard deviation in seconds.</summary>
public sealed record TalkSeconds
{
    [JsonPropertyName("mean")] public double Mean { get; init; }
    [JsonPropertyName("sd")] public double Sd { get; init; }
}
