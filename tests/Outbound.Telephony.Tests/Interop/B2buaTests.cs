using System.Net;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>The B2BUA between real sipp peers: calls flow through both legs and failures are relayed back.</summary>
public sealed class B2buaTests
{
    [Fact]
    public async Task Calls_from_sipp_uac_reach_sipp_uas_through_both_legs_and_all_complete()
    {
        const int calls = 20;
        using var carrier = SippProcess.Uas("uas-answer.xml", calls);
        await using var stack = LoopbackPlatform();
        var b2bua = new SipB2bua(stack, new B2buaRoute(new SipEndPoint(SipTransportKind.Udp, carrier.EndPoint), "127.0.0.1", carrier.Port, TimeSpan.FromSeconds(10)));

        using var caller = SippProcess.Uac($"127.0.0.1:{stack.Port}", calls, rate: 20);

        var callerExit = await caller.WaitAsync(TimeSpan.FromSeconds(40));
        var carrierExit = await carrier.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(callerExit == 0 && carrierExit == 0,
            $"sipp uac exit {callerExit}, uas exit {carrierExit}; B2BUA answered {b2bua.Answered}, failed {b2bua.Failed}, dropped {stack.Transport.DroppedCount}\n"
            + await caller.OutputAsync());
        Assert.Equal(calls, b2bua.Answered);
        Assert.Equal(0, b2bua.Failed);
        Assert.Equal(calls, b2bua.SetupTimes.Count);
    }

    [Fact]
    public async Task Busy_on_the_outbound_leg_is_relayed_to_the_caller()
    {
        using var carrier = SippProcess.Uas("uas-busy.xml");
        await using var platform = LoopbackPlatform();
        var b2bua = new SipB2bua(platform, new B2buaRoute(new SipEndPoint(SipTransportKind.Udp, carrier.EndPoint), "127.0.0.1", carrier.Port, TimeSpan.FromSeconds(10)));
        await using var caller = LoopbackPlatform();

        var call = SipOutboundCall.Start(caller, new SipOriginateRequest(SipUri.Create("13900000000", "127.0.0.1", platform.Port),
            NameAddress.For(SipUri.Create("caller", "127.0.0.1")), null, TimeSpan.FromSeconds(10),
            new SipEndPoint(SipTransportKind.Udp, platform.Transport.LocalEndPoint)));
        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Busy, result.Outcome);
        Assert.Equal(486, result.StatusCode);
        Assert.Equal(1, b2bua.Failed);
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static SipStack LoopbackPlatform()
    {
        var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        return new SipStack(transport, TimeProvider.System);
    }
}
