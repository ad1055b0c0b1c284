using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class CallerOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly QueuePolicy Policy = new() { PriorityPerMinute = 1 };

    [Fact]
    public void A_vip_caller_goes_ahead_of_a_caller_who_waited_a_little_longer()
    {
        var callers = new[] { new AcdCaller("plain", Now.AddMinutes(-2)), new AcdCaller("vip", Now.AddSeconds(-10), Priority: 5) };
        Assert.Equal(["vip", "plain"], CallerOrder.Sort(callers, Now, Policy).Select(c => c.CallerId));
    }

    [Fact]
    public void Waiting_long_enough_lifts_a_plain_caller_above_a_new_vip()
    {
        var callers = new[] { new AcdCaller("plain", Now.AddMinutes(-6)), new AcdCaller("vip", Now.AddSeconds(-10), Priority: 5) };
        Assert.Equal(["plain", "vip"], CallerOrder.Sort(callers, Now, Policy).Select(c => c.CallerId));
        Assert.Equal(6.0, CallerOrder.EffectivePriority(callers[0], Now, Policy), 6);
    }

    [Fact]
    public void Equal_priority_is_served_first_come_first_served_and_positions_follow()
    {
        var callers = new[] { new AcdCaller("second", Now.AddSeconds(-20)), new AcdCaller("first", Now.AddSeconds(-40)), new AcdCaller("third", Now) };
        Assert.Equal(["first", "second", "third"], CallerOrder.Sort(callers, Now, Policy).Select(c => c.CallerId));
        Assert.Equal(3, CallerOrder.PositionOf("third", callers, Now, Policy));
        Assert.Equal(0, CallerOrder.PositionOf("gone", callers, Now, Policy));
    }

    [Fact]
    public void Expected_wait_grows_with_position_and_shrinks_with_staff()
    {
        Assert.Equal(TimeSpan.FromMinutes(3), CallerOrder.ExpectedWait(3, 2, TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.FromMinutes(1), CallerOrder.ExpectedWait(3, 6, TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.MaxValue, CallerOrder.ExpectedWait(1, 0, TimeSpan.FromMinutes(2)));
    }
}
