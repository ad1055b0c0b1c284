using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.UserAgents;

/// <summary>The B2BUA between two scripted peers on a fake clock: hops, hold carried end to end, and session timers on both legs.</summary>
public sealed class SipB2buaTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SipStack _stack = null!;
    private SipB2bua _b2bua = null!;
    private SipTestPeer _caller = null!;
    private SipTestPeer _callee = null!;

    public Task InitializeAsync()
    {
        _callee = SipTestPeer.Udp();
        _stack = LoopbackStacks.Create(_time);
        _b2bua = new SipB2bua(_stack, new B2buaRoute(new SipEndPoint(SipTransportKind.Udp, _callee.EndPoint), "127.0.0.1", _callee.EndPoint.Port,
            TimeSpan.FromSeconds(30)));
        _caller = SipTestPeer.Udp(_stack.Transport.LocalEndPoint);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
        await _stack.DisposeAsync();
    }

    private sealed record Connected(SipRequest Invite, SipResponse Ok, SipRequest Outbound);

    /// <summary>The caller's INVITE through the B2BUA, answered by the callee, ACKed on both legs.</summary>
    private async Task<Connected> ConnectAsync(Action<SipRequest>? shape = null)
    {
        var invite = _caller.Invite("13800138000");
        shape?.Invoke(invite);
        await _caller.Send(invite);
        var outbound = (SipRequest)(await _callee.ExpectRequest(SipMethods.Invite))!;
        await _callee.Send(_callee.Reply(outbound, 200, _callee.Sdp(42000)));
        var ok = (SipResponse)(await _caller.ExpectResponse(200))!;
        await _caller.Send(_caller.Ack(invite, ok));
        await _callee.ExpectRequest(SipMethods.Ack);
        return new Connected(invite, ok, outbound);
    }

    [Fact]
    public async Task Hold_from_the_caller_reaches_the_callee_and_its_answer_comes_back_with_the_next_version()
    {
        var call = await ConnectAsync();
        var hold = _caller.InDialog(SipMethods.Invite, call.Invite, call.Ok);
        hold.SetBody(SdpBody.ContentType, _caller.Sdp(40000, "sendonly", 2));

        await _caller.Send(hold);
        var forwarded = (SipRequest)(await _callee.ExpectRequest(SipMethods.Invite))!;
        await _callee.Send(_callee.Reply(forwarded, 200, _callee.Sdp(42000, "recvonly", 2))).ExpectRequest(SipMethods.Ack);
        var answer = (SipResponse)(await _caller.ExpectResponse(200))!;
        await _caller.Send(_caller.Ack(hold, answer));

        Assert.Equal(MediaDirection.SendOnly, MediaDirectionSdp.Read(forwarded.BodyText));
        Assert.Equal(2UL, SdpVersion.Of(forwarded.BodyText));
        Assert.Equal(MediaDirection.RecvOnly, MediaDirectionSdp.Read(answer.BodyText));
        Assert.Equal(SdpVersion.Of(call.Ok.BodyText) + 1, SdpVersion.Of(answer.BodyText));
    }

    [Fact]
    public async Task Session_refresh_from_the_caller_is_answered_without_troubling_the_callee()
    {
        var call = await ConnectAsync();
        var refresh = _caller.InDialog(SipMethods.Invite, call.Invite, call.Ok);
        refresh.SetBody(SdpBody.ContentType, _caller.Sdp(40000));

        var refreshed = (SipResponse)(await _caller.Send(refresh).ExpectResponse(200))!;
        await _caller.Send(_caller.Ack(refresh, refreshed)).Send(_caller.InDialog(SipMethods.Bye, call.Invite, call.Ok)).ExpectResponse(200);

        Assert.Equal(call.Ok.BodyText, refreshed.BodyText);
        await _callee.ExpectRequest(SipMethods.Bye);   // the BYE is the first thing the callee hears after the answer
    }

    [Fact]
    public async Task Invite_arriving_with_max_forwards_zero_gets_483()
    {
        var invite = _caller.Invite();
        invite.Headers.Set(SipHeaderNames.MaxForwards, "0");

        await _caller.Send(invite).ExpectResponse(483);
        Assert.Equal(1, _b2bua.LoopsRefused);
    }

    [Fact]
    public async Task Outbound_leg_starts_one_hop_lower_than_the_inbound_one()
    {
        var call = await ConnectAsync(invite => invite.Headers.Set(SipHeaderNames.MaxForwards, "10"));

        Assert.Equal("9", call.Outbound.Headers[SipHeaderNames.MaxForwards]);
    }

    [Fact]
    public async Task Caller_that_stops_refreshing_is_hung_up_on_both_legs_as_session_expired()
    {
        await ConnectAsync(invite =>
        {
            invite.Headers.Add(SipHeaderNames.Supported, "timer");
            invite.Headers.Add(SipHeaderNames.SessionExpires, "90;refresher=uac");
        });

        _time.Advance(TimeSpan.FromSeconds(61));   // 90 s less 30 s

        await _caller.ExpectRequest(SipMethods.Bye).Reply(200);
        await _callee.ExpectRequest(SipMethods.Bye).Reply(200);
        for (var i = 0; i < 100 && _b2bua.Active > 0; i++) await Task.Delay(20);
        Assert.Equal(1, _b2bua.Ends[SipCallEnd.SessionExpired]);
        Assert.Equal(0, _b2bua.Active);
    }
}
