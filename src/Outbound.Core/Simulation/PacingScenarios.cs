using System.Text.Json;

namespace Outbound.Core.Simulation;

public sealed class PacingScenarioException(string message) : Exception(message);

/// <summary>Reads and checks a scenario file's JSON (the caller reads the file).</summary>
public static class PacingScenarios
{
    public static IReadOnlyList<PacingScenario> Parse(string json)
    {
        List<PacingScenario>? scenarios;
        try
        {
            scenarios = JsonSerializer.Deserialize<List<PacingScenario>>(json, new JsonSerializerOptions { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new PacingScenarioException($"not a scenario array: {e.Message}");
        }
        if (scenarios is null || scenarios.Count == 0) throw new PacingScenarioException("the file holds no scenarios");
        foreach (var s in scenarios) Validate(s);
        var duplicate = scenarios.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new PacingScenarioException($"scenario name '{duplicate.Key}' is used twice");
        return scenarios;
    }

    public static void Validate(PacingScenario s)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(s.Name)) problems.Add("name is empty");
        if (s.Agents < 1) problems.Add("agents must be at least 1");
        if (s.Hours <= 0) problems.Add("hours must be positive");
        foreach (var rate in (s.AnswerRateByHour ?? []).Append(s.AnswerRate))
            if (rate is < 0 or > 1 || rate + s.MachineRate + s.BusyRate > 1)
                problems.Add($"answer rate {rate} with machine and busy rates must lie in [0, 1] and sum to at most 1");
        if (s.MachineRate < 0 || s.BusyRate < 0) problems.Add("machine_rate and busy_rate cannot be negative");
        if (s.RingSeconds.Min < 0 || s.RingSeconds.Max < s.RingSeconds.Min) problems.Add("ring_seconds needs 0 ≤ min ≤ max");
        if (s.NoAnswerSeconds < s.RingSeconds.Max) problems.Add("no_answer_seconds must be at least ring_seconds.max");
        if (s.TalkSeconds.Mean <= 0 || s.TalkSeconds.Sd < 0) problems.Add("talk_seconds needs mean > 0 and sd ≥ 0");
        if (s.WrapSeconds < 0) problems.Add("wrap_seconds cannot be negative");
        if (s.AbandonCap is <= 0 or >= 1) problems.Add("abandon_cap must lie in (0, 1)");
        if (s.AbandonWindowHours <= 0) problems.Add("abandon_window_hours must be positive");
        if (s.ConnectWithinSeconds < 0) problems.Add("connect_within_seconds cannot be negative");
        if (s.AmdFalsePositiveRate is < 0 or > 1) problems.Add("amd_false_positive_rate must lie in [0, 1]");
        if (s.Leads is < 0) problems.Add("leads cannot be negative");
        if (s.WrapSdSeconds is < 0) problems.Add("wrap_sd_seconds cannot be negative");
        if (s.ReadyReactionSeconds.Min < 0 || s.ReadyReactionSeconds.Max < s.ReadyReactionSeconds.Min) problems.Add("ready_reaction_seconds needs 0 ≤ min ≤ max");
        if (s.BreakEveryMinutes < 0 || s.BreakMinutes < 0) problems.Add("break_every_minutes and break_minutes cannot be negative");
        if (s.MachineSeconds <= 0) problems.Add("machine_seconds must be positive");
        if (s.ConfiguredAmdFalsePositiveRate is < 0 or > 1) problems.Add("amd_false_positive_rate_configured must lie in [0, 1]");
        if (problems.Count > 0) throw new PacingScenarioException($"scenario '{s.Name}': {string.Join("; ", problems)}");
    }
}
