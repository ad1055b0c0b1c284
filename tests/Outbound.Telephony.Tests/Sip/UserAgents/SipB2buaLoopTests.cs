using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.UserAgents;

/// <summary>
/// Routing loops (RFC 3261 §16.3 steps 3–4) on real time: one INVITE must not turn into a storm of transactions, and the
/// stack goes on answering once the loop is refused.
/// </summary>
public sealed class SipB2buaLoopTests
{
    [Fact]
    public async Task Route_pointing_back_at_the_b2bua_is_refused_482_and_the_stack_keeps_answering()
    {
        await using var stack = LoopbackStacks.Create();
        var self = new SipEndPoint(SipTransportKind.Udp, stack.Transport.LocalEndPoint);
        var b2bua = new SipB2bua(stack, new B2buaRoute(self, "127.0.0.1", stack.Port, TimeSpan.FromSeconds(10)));
        await using var caller = SipTestPeer.Udp(stack.Transport.LocalEndPoint);

        await caller.Send(caller.Invite("13800138000")).ExpectResponse(482);

        Assert.Equal(1, b2bua.LoopsRefused);
        await caller.Send(caller.Request(SipMethods.Options)).ExpectResponse(200);
        // The caller's INVITE, our looped leg and its refused copy, the OPTIONS: a handful, not thousands.
        Assert.InRange(stack.Transactions.Count, 1, 5);
    }

    [Fact]
    public async Task Two_b2buas_routing_to_each_other_stop_when_max_forwards_runs_out()
    {
        await using var first = LoopbackStacks.Create();
        await using var second = LoopbackStacks.Create();
        var a = new SipB2bua(first, new B2buaRoute(new SipEndPoint(SipTransportKind.Udp, second.Transport.LocalEndPoint), "127.0.0.1", second.Port, TimeSpan.FromSeconds(10)));
        var b = new SipB2bua(second, new B2buaRoute(new SipEndPoint(SipTransportKind.Udp, first.Transport.LocalEndPoint), "127.0.0.1", first.Port, TimeSpan.FromSeconds(10)));
        await using var caller = SipTestPeer.Udp(first.Transport.LocalEndPoint);
        var invite = caller.Invite("13800138000");
        invite.Headers.Set(SipHeaderNames.MaxForwards, "20");

        await caller.Send(invite).ExpectResponse(483);

        Assert.Equal(1, a.LoopsRefused + b.LoopsRefused);
        Assert.Equal(20, a.Failed + b.Failed);   // 20 hops, each relayed the 483 back and counted its leg failed
    }
}
