using Outbound.Core.Simulation;

namespace Outbound.Core.Tests.Simulation;

public sealed class ScenarioFileTests
{
    [Fact]
    public void Reads_design_md_field_names_and_the_optional_ones()
    {
        const string json = """
            [{"name":"x","seed":3,"agents":4,"hours":1,"answer_rate":0.3,"answer_rate_by_hour":[0.2,0.4],
              "machine_rate":0.1,"busy_rate":0.05,"ring_seconds":{"min":5,"max":15},"no_answer_seconds":30,
              "talk_seconds":{"mean":120,"sd":60},"wrap_seconds":15,"abandon_cap":0.03,"abandon_window_hours":24,
              "connect_within_seconds":2,"amd_false_positive_rate":0.01,"leads":500}]
            """;

        var s = Assert.Single(PacingScenarios.Parse(json));

        Assert.Equal(("x", 3, 4, 500), (s.Name, s.Seed, s.Agents, s.Leads));
        Assert.Equal((5.0, 15.0, 120.0, 60.0), (s.RingSeconds.Min, s.RingSeconds.Max, s.TalkSeconds.Mean, s.TalkSeconds.Sd));
        Assert.Equal(0.2, s.AnswerRateAt(100));
        Assert.Equal(0.4, s.AnswerRateAt(3700));
        Assert.Equal(0.4, s.AnswerRateAt(99_999));
    }

    [Fact]
    public void Rejects_impossible_values_naming_the_scenario_and_every_problem()
    {
        const string json = """
            [{"name":"bad","seed":1,"agents":0,"hours":8,"answer_rate":0.9,"machine_rate":0.2,"busy_rate":0,
              "ring_seconds":{"min":5,"max":15},"no_answer_seconds":30,"talk_seconds":{"mean":120,"sd":60},
              "wrap_seconds":15,"abandon_cap":0.03,"abandon_window_hours":24,"connect_within_seconds":2,"amd_false_positive_rate":0}]
            """;

        var error = Assert.Throws<PacingScenarioException>(() => PacingScenarios.Parse(json));

        Assert.Contains("'bad'", error.Message);
        Assert.Contains("agents", error.Message);
        Assert.Contains("sum to at most 1", error.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"name\":\"x\"}")]
    public void Rejects_a_file_that_is_not_a_scenario_array(string json) =>
        Assert.Throws<PacingScenarioException>(() => PacingScenarios.Parse(json));
}
