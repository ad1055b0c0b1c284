using Outbound.Core.Workforce.Staffing;

namespace Outbound.Core.Tests.Workforce.Staffing;

public sealed class ErlangCTests
{
    // The golden vector: 100 calls in 30 minutes at 180 s AHT is 10 Erlangs.
    private static readonly IntervalLoad Hundred = new(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180));
    private static readonly TimeSpan Twenty = TimeSpan.FromSeconds(20);

    [Fact]
    public void Fourteen_agents_on_ten_erlangs_match_the_golden_vector()
    {
        var level = ErlangC.Evaluate(Hundred, 14, Twenty);

        Assert.Equal(10, Hundred.Erlangs, 9);
        Assert.Equal(0.1741, level.WaitProbability, 4);
        Assert.Equal(0.8884, level.ServiceLevel, 4);
        Assert.Equal(7.8, level.AverageSpeedOfAnswer.TotalSeconds, 1);
        Assert.Equal(10.0 / 14, level.Occupancy, 9);
        Assert.Equal(0, level.AbandonProbability);
    }

    [Fact]
    public void Eighty_in_twenty_needs_fourteen_on_the_phones_and_twenty_scheduled_at_thirty_percent_shrinkage()
    {
        var requirement = StaffingCalculator.Require(Hundred, new ServiceTarget(0.8, Twenty), new StaffingPolicy(1, 0.30));

        Assert.Equal(14, requirement.OnPhones.Agents);
        Assert.Equal(20, requirement.Scheduled);
        // Thirteen would miss the target: the search stops at the first level that meets it.
        Assert.True(ErlangC.Evaluate(Hundred, 13, Twenty).ServiceLevel < 0.8);
    }

    [Fact]
    public void Occupancy_cap_adds_agents_beyond_what_the_service_target_needs()
    {
        var requirement = StaffingCalculator.Require(Hundred, new ServiceTarget(0.8, Twenty), new StaffingPolicy(0.65, 0));

        // 10 Erlangs at most 65 % busy needs ⌈10 ÷ 0.65⌉ = 16 agents, though 14 meet 80/20.
        Assert.Equal(16, requirement.OnPhones.Agents);
        Assert.True(requirement.OnPhones.Occupancy <= 0.65);
    }

    [Fact]
    public void No_more_agents_than_traffic_means_every_caller_waits_forever()
    {
        var level = ErlangC.Evaluate(Hundred, 10, Twenty);

        Assert.Equal(1, level.WaitProbability);
        Assert.Equal(0, level.ServiceLevel);
        Assert.Equal(TimeSpan.MaxValue, level.AverageSpeedOfAnswer);
    }

    [Fact]
    public void Large_queues_stay_finite_where_factorials_would_overflow()
    {
        // 2 000 calls per half hour at 300 s is 333 Erlangs: 171! alone overflows a double.
        var load = new IntervalLoad(2000, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(300));
        var requirement = StaffingCalculator.Require(load, new ServiceTarget(0.8, Twenty), StaffingPolicy.None);

        Assert.InRange(requirement.OnPhones.Agents, 334, 360);
        Assert.InRange(requirement.OnPhones.ServiceLevel, 0.8, 0.9);
    }

    [Fact]
    public void No_calls_need_no_agents()
    {
        var requirement = StaffingCalculator.Require(new IntervalLoad(0, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180)),
            new ServiceTarget(0.8, Twenty), new StaffingPolicy(0.85, 0.3));
        Assert.Equal(0, requirement.Scheduled);
    }

    [Theory]
    [InlineData(-1.0, 30, 180)]
    [InlineData(10.0, 0, 180)]
    [InlineData(10.0, 30, 0)]
    public void Impossible_loads_are_refused(double calls, int minutes, int aht) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntervalLoad(calls, TimeSpan.FromMinutes(minutes), TimeSpan.FromSeconds(aht)));
}
