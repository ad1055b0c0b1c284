using Outbound.Core.Quality;

namespace Outbound.Core.Tests.Quality;

public sealed class ScorerAssignmentTests
{
    private static SampledCall Call(string agent) => new(Guid.CreateVersion7(), agent, SampleReason.Random, "x/0");

    [Fact]
    public void Calls_are_spread_so_that_workloads_end_even()
    {
        var a = new Scorer(Guid.NewGuid(), 5);
        var b = new Scorer(Guid.NewGuid(), 0);
        var c = new Scorer(Guid.NewGuid(), 1);
        var calls = Enumerable.Range(0, 12).Select(i => Call($"agent-{i % 4}")).ToList();
        var assigned = ScorerAssignment.Balance(calls, [a, b, c]);
        var load = new Dictionary<Guid, int> { [a.Id] = 5, [b.Id] = 0, [c.Id] = 1 };
        foreach (var scorer in assigned.Values) load[scorer!.Value]++;
        Assert.Equal([6, 6, 6], load.Values.Order());
    }

    [Fact]
    public void A_scorer_is_never_given_their_own_call()
    {
        var qa = new Scorer(Guid.NewGuid(), 0);
        var other = new Scorer(Guid.NewGuid(), 100);
        var own = Call(qa.Id.ToString());
        var assigned = ScorerAssignment.Balance([own], [qa, other]);
        Assert.Equal(other.Id, assigned[own.CallId]);
        Assert.Null(ScorerAssignment.Balance([own], [qa])[own.CallId]);
    }
}
