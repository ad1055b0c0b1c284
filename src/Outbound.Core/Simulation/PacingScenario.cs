using System.Text.Json.Serialization;

namespace Outbound.Core.Simulation;

/// <summary>
/// One pacing scenario in DESIGN.md's format ("Pacing scenarios and metrics"). Rates are shares of
/// all dials: a human answers (<see cref="AnswerRate"/>), an answering machine picks up, the line is
/// busy; the rest ring out after <see cref="NoAnswerSeconds"/>. <see cref="Leads"/> (optional, our
/// addition) makes the list finite so it can run dry.
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
