using System.Text.Json.Serialization;

namespace Outbound.Core.Simulation;

/// <summary>One row of <c>bench pacing</c>: a scenario run through one strategy (DESIGN.md's metric definitions).</summary>
public sealed record PacingResultRow
{
    public const string Simulated = "sim";
    public const string Live = "live";

    [JsonPropertyName("scenario")] public required string Scenario { get; init; }
    [JsonPropertyName("strategy")] public required string Strategy { get; init; }
    /// <summary><see cref="Simulated"/> (the reference simulator) or <see cref="Live"/> (the dialer's actors on a virtual clock).</summary>
    [JsonPropertyName("mode")] public required string Mode { get; init; }
    [JsonPropertyName("agents")] public int Agents { get; init; }
    /// <summary>Agent talk time / agent logged-in time.</summary>
    [JsonPropertyName("utilization")] public double Utilization { get; init; }
    /// <summary>Mean talk / (mean talk + wrap) in the share of the shift agents are not on breaks: perfect foresight.</summary>
    [JsonPropertyName("ideal")] public double Ideal { get; init; }
    [JsonPropertyName("ratio_to_ideal")] public double RatioToIdeal { get; init; }
    /// <summary>abandoned / (abandoned + connected), humans the detector hung up on counted as abandoned.</summary>
    [JsonPropertyName("abandon_rate")] public double AbandonRate { get; init; }
    /// <summary>The worst rolling window of abandon_window_hours inside the shift (the whole shift when it is shorter).</summary>
    [JsonPropertyName("max_window_abandon_rate")] public double MaxWindowAbandonRate { get; init; }
    [JsonPropertyName("calls")] public int Calls { get; init; }
    [JsonPropertyName("connects")] public int Connects { get; init; }
    [JsonPropertyName("talk_minutes_per_agent_hour")] public double TalkMinutesPerAgentHour { get; init; }
    /// <summary>Calls placed outside the calling window or beyond the list (over attempt limits); must be 0.</summary>
    [JsonPropertyName("violations")] public int Violations { get; init; }
}
