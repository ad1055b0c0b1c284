using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class CallBlendingTests
{
    private static readonly BlendingPolicy Policy = new(ReserveAgents: 1, ReserveFactor: 1, MaxInboundWait: TimeSpan.FromSeconds(20));

    private static BlendingLoad Load(int ready, int waiting = 0, int longestWaitSeconds = 0, double arrivalsPerMinute = 0, int ahtSeconds = 180,
        double? serviceLevel = null) =>
        new(ready, waiting, TimeSpan.FromSeconds(longestWaitSeconds), arrivalsPerMinute, TimeSpan.FromSeconds(ahtSeconds), serviceLevel);

    [Fact]
    public void With_no_inbound_load_all_but_the_reserve_go_to_outbound()
    {
        Assert.Equal(9, CallBlending.AgentsForOutbound(Load(10), Policy));
    }

    [Fact]
    public void Expected_arrivals_over_one_handling_time_are_kept_free_for_inbound()
    {
        // 2 calls a minute × 3 minutes = 6 expected, plus the reserve of 1.
        Assert.Equal(3, CallBlending.AgentsForOutbound(Load(10, arrivalsPerMinute: 2), Policy));
    }

    [Fact]
    public void Waiting_callers_take_agents_before_outbound_and_a_long_wait_stops_lending()
    {
        Assert.Equal(6, CallBlending.AgentsForOutbound(Load(10, waiting: 3, longestWaitSeconds: 5), Policy));
        Assert.Equal(0, CallBlending.AgentsForOutbound(Load(10, waiting: 1, longestWaitSeconds: 20), Policy));
    }

    [Fact]
    public void Outbound_never_gets_a_negative_or_absent_agent()
    {
        Assert.Equal(0, CallBlending.AgentsForOutbound(Load(0), Policy));
        Assert.Equal(0, CallBlending.AgentsForOutbound(Load(2, arrivalsPerMinute: 10), Policy));
    }

    [Fact]
    public void A_service_level_under_the_threshold_keeps_every_blended_agent_on_inbound()
    {
        Assert.Equal(0, CallBlending.AgentsForOutbound(Load(10, serviceLevel: 0.79), Policy));
        Assert.Equal(9, CallBlending.AgentsForOutbound(Load(10, serviceLevel: 0.80), Policy));
    }

    [Fact]
    public void No_measured_service_level_yet_does_not_block_outbound()
    {
        Assert.Equal(9, CallBlending.AgentsForOutbound(Load(10, serviceLevel: null), Policy));
    }
}
