using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.UserAgents;

/// <summary>
/// An answered call's dialog driven by a scripted caller on a fake clock (T1 = 20 ms): re-INVITE as RFC 3261 §13–§14
/// want it, hold answered with RFC 3264 versioning, and RFC 4028 session timers that end calls nobody refreshes.
/// </summary>
public sealed class SipCallSessionTests : IAsyncLifetime
{
    private const string OurSdp = "v=0\r\no=outbound 77 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 41000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly List<SipInboundCall> _calls = [];
    private SipStack _stack = null!;
    private SipTestPeer _caller = null!;

    public Task InitializeAsync()
    {
        _stack = LoopbackStacks.Create(_time);
        _stack.RequestReceived = incoming =>
        {
            var call = new SipInboundCall(_stack, incoming);
            lock (_calls) _calls.Add(call);
            call.Answer(OurSdp);
        };
        _caller = SipTestPeer.Udp(_stack.Transport.LocalEndPoint);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _stack.DisposeAsync();
    }

    private SipInboundCall Call => Assert.Single(_calls);

    /// <summary>INVITE, 200, ACK; the INVITE may carry session-timer headers.</summary>
    private async Task<(SipRequest Invite, SipResponse Ok)> AnsweredAsync(Action<SipRequest>? shape = null)
    {
        var invite = _caller.Invite();
        shape?.Invoke(invite);
        var ok = (SipResponse)(await _caller.Send(invite).ExpectResponse(200))!;
        await SendInOrderAsync(_caller.Ack(invite, ok));
        Assert.True(await Call.Acknowledged.WaitAsync(TimeSpan.FromSeconds(5)));
        return (invite, ok);
    }

    private SipRequest Reinvite(SipRequest invite, SipResponse ok, string sdp)
    {
        var reinvite = _caller.InDialog(SipMethods.Invite, invite, ok);
        reinvite.SetBody(SdpBody.ContentType, sdp);
        return reinvite;
    }

    private void Advance(TimeSpan by) => _time.Advance(by);

    /// <summary>Sends <paramref name="message"/> and waits until the stack has taken it: it handles messages in arrival order, so the answer to an OPTIONS sent after it says so.</summary>
    private async Task SendInOrderAsync(SipMessage message) => await _caller.Send(message).Send(_caller.Request(SipMethods.Options)).ExpectResponse(200);

    [Fact]
    public async Task Re_invite_200_is_retransmitted_until_its_ack_and_a_retransmitted_re_invite_gets_it_again()
    {
        var (invite, ok) = await AnsweredAsync();
        var reinvite = Reinvite(invite, ok, _caller.Sdp(40000, "sendonly", 2));

        await _caller.Send(reinvite).ExpectResponse(200);
        Advance(LoopbackStacks.FastTimers.T1);
        await _caller.ExpectRepeat();                            // Timer: the 200 again, no ACK yet
        await _caller.Send(reinvite).ExpectRepeat();             // the caller's retransmission is answered at once
        await _caller.Send(_caller.Ack(reinvite, _caller.LastResponse));

        Assert.False(Call.Ended.IsCompleted);
    }

    [Fact]
    public async Task Re_invite_200_never_acknowledged_ends_the_call_with_bye()
    {
        var (invite, ok) = await AnsweredAsync();

        await _caller.Send(Reinvite(invite, ok, _caller.Sdp(40000, "sendonly", 2))).ExpectResponse(200);
        for (var i = 0; i < 70 && !Call.Ended.IsCompleted; i++)
        {
            Advance(LoopbackStacks.FastTimers.T1);
            await Task.Delay(5);
        }

        await _caller.ExpectRequest(SipMethods.Bye);
        Assert.Equal(SipCallEnd.NoAck, await Call.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Hold_is_answered_recvonly_under_the_next_sdp_version_and_a_repeated_offer_keeps_it()
    {
        var (invite, ok) = await AnsweredAsync();
        var held = _caller.Sdp(40000, "sendonly", 2);

        var hold = Reinvite(invite, ok, held);
        var holdAnswer = (SipResponse)(await _caller.Send(hold).ExpectResponse(200))!;
        await _caller.Send(_caller.Ack(hold, holdAnswer));
        var again = Reinvite(invite, ok, held);
        var refreshAnswer = (SipResponse)(await _caller.Send(again).ExpectResponse(200))!;
        await _caller.Send(_caller.Ack(again, refreshAnswer));
        var resumeAnswer = (SipResponse)(await _caller.Send(Reinvite(invite, ok, _caller.Sdp(40000, "sendrecv", 3))).ExpectResponse(200))!;

        Assert.Equal(MediaDirection.RecvOnly, MediaDirectionSdp.Read(holdAnswer.BodyText));
        Assert.Equal(2UL, SdpVersion.Of(holdAnswer.BodyText));
        Assert.Equal(holdAnswer.BodyText, refreshAnswer.BodyText);
        Assert.Equal(MediaDirection.SendRecv, MediaDirectionSdp.Read(resumeAnswer.BodyText));
        Assert.Equal(3UL, SdpVersion.Of(resumeAnswer.BodyText));
        Assert.Contains("o=outbound 77 3 IN IP4", resumeAnswer.BodyText);
    }

    [Fact]
    public async Task Caller_that_refreshes_gets_the_interval_it_asked_for_and_is_hung_up_when_it_stops()
    {
        var (_, ok) = await AnsweredAsync(invite =>
        {
            invite.Headers.Add(SipHeaderNames.Supported, "timer");
            invite.Headers.Add(SipHeaderNames.SessionExpires, "120;refresher=uac");
        });
        Assert.Equal("120;refresher=uac", ok.Headers[SipHeaderNames.SessionExpires]);
        Assert.Equal("timer", ok.Headers[SipHeaderNames.Require]);

        // No refresh: 120 s less the smaller of 32 s and a third (40 s) after the answer, the session is given up (RFC 4028 §10).
        Advance(TimeSpan.FromSeconds(87));
        await Task.Delay(50);
        Assert.False(Call.Ended.IsCompleted);
        Advance(TimeSpan.FromSeconds(2));

        await _caller.ExpectRequest(SipMethods.Bye);
        Assert.Equal(SipCallEnd.SessionExpired, await Call.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Caller_refresh_restarts_the_session_timer()
    {
        var (invite, ok) = await AnsweredAsync(i =>
        {
            i.Headers.Add(SipHeaderNames.Supported, "timer");
            i.Headers.Add(SipHeaderNames.SessionExpires, "90;refresher=uac");
        });
        Advance(TimeSpan.FromSeconds(45));
        var refresh = Reinvite(invite, ok, _caller.Sdp(40000));
        refresh.Headers.Add(SipHeaderNames.Supported, "timer");
        refresh.Headers.Add(SipHeaderNames.SessionExpires, "90;refresher=uac");
        var refreshed = (SipResponse)(await _caller.Send(refresh).ExpectResponse(200))!;
        await SendInOrderAsync(_caller.Ack(refresh, refreshed));

        Advance(TimeSpan.FromSeconds(45));   // 90 s after the answer, 45 s after the refresh
        await Task.Delay(50);

        Assert.False(Call.Ended.IsCompleted);
        Assert.Equal(ok.BodyText, refreshed.BodyText);   // a refresh changes nothing in the media
    }

    [Fact]
    public async Task Caller_without_timer_support_is_refreshed_by_us_and_a_481_ends_the_call()
    {
        var (_, ok) = await AnsweredAsync();
        Assert.Equal("1800;refresher=uas", ok.Headers[SipHeaderNames.SessionExpires]);
        Assert.Null(ok.Headers[SipHeaderNames.Require]);

        Advance(TimeSpan.FromSeconds(900));
        await _caller.ExpectRequest(SipMethods.Invite, r => Assert.Equal(ok.BodyText, r.BodyText)).Reply(481)
            .ExpectRequest(SipMethods.Ack).ExpectRequest(SipMethods.Bye);
        Assert.Equal(SipCallEnd.SessionExpired, await Call.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Session_interval_below_our_minimum_gets_422_with_min_se()
    {
        var invite = _caller.Invite();
        invite.Headers.Add(SipHeaderNames.Supported, "timer");
        invite.Headers.Add(SipHeaderNames.SessionExpires, "30");

        await _caller.Send(invite).ExpectResponse(422, r => Assert.Equal("90", r.Headers[SipHeaderNames.MinSe]));
        Assert.Equal(SipCallEnd.Rejected, await Call.Ended);
    }
}
