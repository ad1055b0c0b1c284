using MathNet.Numerics.Distributions;
using Outbound.Core.Workforce.Staffing;

namespace Outbound.Core.Tests.Workforce.Staffing;

/// <summary>
/// Erlang A checked against published results rather than against itself:
/// - Mandelbaum &amp; Zeltyn, "Service Engineering in Action: the Palm/Erlang-A Queue, with Applications to Call
///   Centers" (2007), and Garnett, Mandelbaum &amp; Reiman, "Designing a Call Center with Impatient Customers",
///   M&amp;SOM 4(3), 2002: when patience equals the service time (θ = μ) the number in the system is that of an
///   M/M/∞ queue, Poisson with mean A; so P(wait) = P(X ≥ N) and P(abandon) = E[(X − N)⁺] ÷ A;
/// - as patience grows without bound Erlang A becomes Erlang C (the golden vector of <see cref="ErlangCTests"/>).
/// </summary>
public sealed class ErlangATests
{
    private static readonly TimeSpan Twenty = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(100, 14)]
    [InlineData(100, 8)]
    [InlineData(600, 55)]
    public void Patience_equal_to_handle_time_gives_the_poisson_figures_of_an_infinite_server_queue(double calls, int agents)
    {
        var load = new IntervalLoad(calls, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(180));
        var a = load.Erlangs;
        var poisson = new Poisson(a);
        var waitProbability = 1 - poisson.CumulativeDistribution(agents - 1);
        var excess = Enumerable.Range(agents, 400).Sum(k => (k - agents) * poisson.Probability(k));

        var level = ErlangA.Evaluate(load, agents, Twenty);

        Assert.Equal(waitProbability, level.WaitProbability, 6);
        Assert.Equal(excess / a, level.AbandonProbability, 6);
    }

    [Fact]
    public void Endless_patience_converges_on_erlang_c()
    {
        var load = new IntervalLoad(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromDays(365));

        var level = ErlangA.Evaluate(load, 14, Twenty);

        Assert.Equal(0.1741, level.WaitProbability, 3);
        Assert.Equal(0.8884, level.ServiceLevel, 3);
        Assert.Equal(7.8, level.AverageSpeedOfAnswer.TotalSeconds, 1);
        Assert.True(level.AbandonProbability < 1e-4);
    }

    [Fact]
    public void Impatient_callers_need_fewer_agents_than_erlang_c_says_and_some_abandon()
    {
        var target = new ServiceTarget(0.8, Twenty);
        var patient = StaffingCalculator.Require(new IntervalLoad(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180)), target, StaffingPolicy.None);
        var impatient = StaffingCalculator.Require(new IntervalLoad(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(60)), target, StaffingPolicy.None);

        Assert.True(impatient.OnPhones.Agents <= patient.OnPhones.Agents);
        Assert.InRange(impatient.OnPhones.AbandonProbability, 1e-4, 0.1);
        Assert.True(impatient.OnPhones.ServiceLevel >= 0.8);
    }

    [Fact]
    public void An_overloaded_queue_is_still_stable_because_callers_give_up()
    {
        var load = new IntervalLoad(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(60));

        var level = ErlangA.Evaluate(load, 8, Twenty); // 8 agents for 10 Erlangs

        Assert.InRange(level.AbandonProbability, 0.15, 0.6);
        Assert.InRange(level.WaitProbability, 0.5, 1);
        Assert.True(level.AverageSpeedOfAnswer < TimeSpan.FromMinutes(5));
        Assert.InRange(level.Occupancy, 0.9, 1);
    }
}
