using Outbound.Core.Knowledge;
using Outbound.Core.Performance;

namespace Outbound.Core.Tests.Knowledge;

public sealed class KnowledgeTimelinessTests
{
    private static readonly DateTimeOffset Registered = new(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Day = KnowledgeTimeliness.DefaultTarget;

    [Fact]
    public void Changes_published_within_the_target_are_on_time_late_or_unpublished_past_it_are_not_and_pending_ones_wait()
    {
        var asOf = Registered.AddHours(30);
        var changes = new[]
        {
            new PolicyChangeFact(Registered, Registered.AddHours(3), Day),        // on time
            new PolicyChangeFact(Registered, Registered.AddHours(24), Day),       // on the dot: on time
            new PolicyChangeFact(Registered, Registered.AddHours(25), Day),       // late
            new PolicyChangeFact(Registered, null, Day),                          // 30 h and unpublished: late
            new PolicyChangeFact(Registered.AddHours(20), null, Day),             // 10 h old: not counted yet
            new PolicyChangeFact(Registered, Registered.AddHours(28), TimeSpan.FromHours(48)), // a longer target of its own
        };
        Assert.Equal([true, true, false, false, null, true], changes.Select(c => KnowledgeTimeliness.OnTime(c, asOf)));
        Assert.Equal(new Ratio(3, 5), KnowledgeTimeliness.Measure(changes, asOf));
    }
}
