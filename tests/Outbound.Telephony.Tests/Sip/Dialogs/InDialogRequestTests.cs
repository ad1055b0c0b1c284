using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.Dialogs;

/// <summary>Our UAC calling our UAS over loopback: dialog requests after the answer, and CANCEL before it.</summary>
public sealed class InDialogRequestTests : IAsyncLifetime
{
    private const string Offer = "v=0\r\no=a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\na=sendrecv\r\n";
    private const string Answer = "v=0\r\no=b 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40004 RTP/AVP 0\r\na=sendrecv\r\n";
    private readonly List<SipInboundCall> _inbound = [];
    private SipStack _caller = null!;
    private SipStack _callee = null!;
    private Action<SipInboundCall> _onInvite = call => call.Answer(Answer);

    public Task InitializeAsync()
    {
        _caller = LoopbackStacks.Create();
        _callee = LoopbackStacks.Create();
        _callee.RequestReceived = incoming =>
        {
            var call = new SipInboundCall(_callee, incoming);
            lock (_inbound) _inbound.Add(call);
            _onInvite(call);
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
    }

    private SipOutboundCall Dial(TimeSpan? ring = null) => SipOutboundCall.Start(_caller, new SipOriginateRequest(
        SipUri.Create("agent", "127.0.0.1", _callee.Port), NameAddress.For(SipUri.Create("platform", "127.0.0.1")),
        Offer, ring ?? TimeSpan.FromSeconds(5), LoopbackStacks.Udp(_callee)));

    [Fact]
    public async Task Answer_is_acked_and_remote_bye_ends_the_callers_side()
    {
        var call = Dial();
        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(CallOutcome.Answered, result.Outcome);
        Assert.Equal(Answer, result.AnswerSdp);
        var inbound = Assert.Single(_inbound);
        Assert.True(await inbound.Acknowledged.WaitAsync(TimeSpan.FromSeconds(5)));

        await inbound.HangupAsync().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(SipCallEnd.Remote, await call.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, _caller.DialogCount);
        Assert.Equal(0, _callee.DialogCount);
    }

    [Fact]
    public async Task Hold_re_invite_gets_a_mirrored_answer_and_resume_restores_sendrecv()
    {
        var call = Dial();
        await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));

        var held = await call.ChangeDirectionAsync(MediaDirection.SendOnly).WaitAsync(TimeSpan.FromSeconds(5));
        var resumed = await call.ChangeDirectionAsync(MediaDirection.SendRecv).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(200, held!.StatusCode);
        Assert.Equal(MediaDirection.RecvOnly, MediaDirectionSdp.Read(held.BodyText));
        Assert.Equal(2, held.CSeq.Number);
        Assert.Equal(MediaDirection.SendRecv, MediaDirectionSdp.Read(resumed!.BodyText));
        Assert.Equal(3, resumed.CSeq.Number);
    }

    [Fact]
    public async Task Callee_can_put_the_caller_on_hold_with_inactive()
    {
        var call = Dial();
        await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));
        var inbound = Assert.Single(_inbound);
        await inbound.Acknowledged.WaitAsync(TimeSpan.FromSeconds(5));

        var held = await inbound.ChangeDirectionAsync(MediaDirection.Inactive).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(200, held!.StatusCode);
        Assert.Equal(MediaDirection.Inactive, MediaDirectionSdp.Read(held.BodyText));
        Assert.Equal(1, held.CSeq.Number);
    }

    [Fact]
    public async Task Info_in_the_dialog_is_accepted()
    {
        var call = Dial();
        await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));
        var received = new TaskCompletionSource<string>();
        Assert.Single(_inbound).InfoReceived += info => received.TrySetResult(info.BodyText);

        var response = await call.SendInfoAsync("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(200, response!.StatusCode);
        Assert.StartsWith("Signal=5", await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Request_with_an_old_cseq_gets_500()
    {
        var call = Dial();
        await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));
        await call.SendInfoAsync("text/plain", "first").WaitAsync(TimeSpan.FromSeconds(5));
        var dialog = call.Dialog!;
        var stale = dialog.CreateRequest("INFO", _caller.NewVia(Outbound.Telephony.Sip.Transport.SipTransportKind.Udp), _caller.ContactUri(null));
        stale.Headers.Set("CSeq", "1 INFO");
        var done = new TaskCompletionSource<SipResponse>();

        _caller.Transactions.StartNonInvite(stale, dialog.NextHop(), r => done.TrySetResult(r), _ => { });

        Assert.Equal(500, (await done.Task.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task Bye_for_an_unknown_dialog_gets_481()
    {
        var bye = new SipRequest { Method = "BYE", Uri = SipUri.Create("agent", "127.0.0.1", _callee.Port) };
        bye.Headers.Add("Via", _caller.NewVia(Outbound.Telephony.Sip.Transport.SipTransportKind.Udp)).Add("Max-Forwards", "70")
            .Add("From", "<sip:platform@127.0.0.1>;tag=a").Add("To", "<sip:agent@127.0.0.1>;tag=nope")
            .Add("Call-ID", "no-such-call").Add("CSeq", "5 BYE");
        var done = new TaskCompletionSource<SipResponse>();

        _caller.Transactions.StartNonInvite(bye, LoopbackStacks.Udp(_callee), r => done.TrySetResult(r), _ => { });

        Assert.Equal(481, (await done.Task.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task Ring_timeout_cancels_a_ringing_callee()
    {
        _onInvite = call => call.Ring();
        var call = Dial(TimeSpan.FromMilliseconds(300));

        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(CallOutcome.NoAnswer, result.Outcome);
        Assert.Equal(487, result.StatusCode);
        Assert.Equal(SipCallEnd.Cancelled, await Assert.Single(_inbound).Ended.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Callee_that_ignores_cancel_does_not_leave_the_call_hanging()
    {
        _callee.RequestReceived = incoming =>
        {
            if (incoming.Request.Method != "INVITE") return;   // swallow: no 487 will ever come
            incoming.Respond(180);
            _callee.OnCancel(incoming, () => { });
        };
        var call = Dial(TimeSpan.FromMilliseconds(200));

        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(CallOutcome.NoAnswer, result.Outcome);
        Assert.Empty(_caller.Transactions.Active.OfType<Outbound.Telephony.Sip.Transactions.ClientInviteTransaction>());
    }

    [Fact]
    public async Task Failing_request_handler_still_answers_500()
    {
        _callee.RequestReceived = _ => throw new InvalidOperationException("handler bug");

        var result = await Dial().Setup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(CallOutcome.Congestion, result.Outcome);
    }

    [Fact]
    public async Task Callee_rejection_with_retry_after_maps_to_congestion()
    {
        _onInvite = call => call.Reject(503, TimeSpan.FromSeconds(30));

        var result = await Dial().Setup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(CallOutcome.Congestion, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Fact]
    public async Task Unreachable_trunk_is_reported_as_trunk_down()
    {
        var port = Outbound.Telephony.Tests.Interop.SippProcess.FreeUdpPort();
        var call = SipOutboundCall.Start(_caller, new SipOriginateRequest(SipUri.Create("1", "127.0.0.1", port),
            NameAddress.For(SipUri.Create("platform", "127.0.0.1")), Offer, TimeSpan.FromSeconds(5),
            new Outbound.Telephony.Sip.Transport.SipEndPoint(Outbound.Telephony.Sip.Transport.SipTransportKind.Udp, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))));

        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(CallOutcome.TrunkDown, result.Outcome);
    }
}
