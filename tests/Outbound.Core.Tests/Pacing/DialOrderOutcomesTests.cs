using Outbound.Core.Pacing;

namespace Outbound.Core.Tests.Pacing;

public sealed class DialOrderOutcomesTests
{
    [Fact]
    public void A_quick_busy_behind_a_ringing_dial_is_held_back_until_the_earlier_dial_is_known()
    {
        var order = new DialOrderOutcomes<string>();
        var (first, second, third) = (order.Place(), order.Place(), order.Place());

        Assert.Empty(order.Resolve(second, "busy"));
        Assert.Empty(order.Resolve(third, "busy"));
        Assert.Equal(3, order.Pending);
        Assert.Equal(["human", "busy", "busy"], order.Resolve(first, "human"));
        Assert.Equal(0, order.Pending);
    }

    [Fact]
    public void A_dial_that_never_happened_releases_the_ones_behind_it_without_counting()
    {
        var order = new DialOrderOutcomes<string>();
        var (first, second) = (order.Place(), order.Place());
        Assert.Empty(order.Resolve(second, "machine"));
        Assert.Equal(["machine"], order.Drop(first));
    }

    [Fact]
    public void Only_the_first_word_on_a_dial_counts()
    {
        var order = new DialOrderOutcomes<string>();
        var dial = order.Place();
        Assert.Equal(["human"], order.Resolve(dial, "human"));
        Assert.Empty(order.Resolve(dial, "abandoned"));
        Assert.Empty(order.Drop(dial));
        Assert.Empty(order.Resolve(99, "busy")); // never placed
    }
}
