using System.Net;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>Our UAC against sipp playing the carrier trunk, on loopback.</summary>
public sealed class SippCarrierTests : IAsyncLifetime
{
    private const string Offer = "v=0\r\no=outbound 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\n";
    private SipStack _stack = null!;

    public Task InitializeAsync()
    {
        var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        _stack = new SipStack(transport, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    private SipOutboundCall Dial(SippProcess carrier, TimeSpan ring, SipCredentials? credentials = null, SipTransportKind transport = SipTransportKind.Udp,
        Action<int, string?>? progress = null) =>
        SipOutboundCall.Start(_stack, new SipOriginateRequest(
            SipUri.Create("13800138000", "127.0.0.1", carrier.Port),
            new NameAddress { DisplayName = "Outbound", Uri = SipUri.Create("02150001234", "127.0.0.1") },
            Offer, ring, new SipEndPoint(transport, carrier.EndPoint), credentials), progress);

    [Fact]
    public async Task Answered_call_reports_ringing_answer_sdp_and_hangs_up_with_bye()
    {
        using var carrier = SippProcess.Uas("uas-answer.xml");
        var progress = new List<int>();

        var call = Dial(carrier, TimeSpan.FromSeconds(10), progress: (status, _) => { lock (progress) progress.Add(status); });
        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Answered, result.Outcome);
        Assert.Contains("m=audio", result.AnswerSdp);
        Assert.Contains(180, progress);
        await call.HangupAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Answered_call_over_tcp_uses_content_length_framing()
    {
        using var carrier = SippProcess.Uas("uas-answer.xml", transport: "t1");
        await carrier.WaitForTcpAsync();

        var call = Dial(carrier, TimeSpan.FromSeconds(10), transport: SipTransportKind.Tcp);
        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Answered, result.Outcome);
        await call.HangupAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Busy_carrier_gives_busy_and_gets_its_ack()
    {
        using var carrier = SippProcess.Uas("uas-busy.xml");

        var result = await Dial(carrier, TimeSpan.FromSeconds(10)).Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Busy, result.Outcome);
        Assert.Equal(486, result.StatusCode);
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ring_timeout_cancels_and_the_487_means_no_answer()
    {
        using var carrier = SippProcess.Uas("uas-noanswer.xml");

        var result = await Dial(carrier, TimeSpan.FromSeconds(1)).Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.NoAnswer, result.Outcome);
        Assert.Equal(487, result.StatusCode);
        Assert.InRange(result.SetupTime, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("uas-digest.xml")]      // 401 with WWW-Authenticate, answered with Authorization
    [InlineData("uas-digest-407.xml")]  // 407 with Proxy-Authenticate, answered with Proxy-Authorization
    public async Task Digest_challenging_trunk_accepts_our_credentials(string scenario)
    {
        using var carrier = SippProcess.Uas(scenario);

        var call = Dial(carrier, TimeSpan.FromSeconds(10), new SipCredentials("trunkuser", "trunkpass"));
        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Answered, result.Outcome);
        await call.HangupAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Proxy_challenge_scenario_turns_away_other_credentials()
    {
        using var carrier = SippProcess.Uas("uas-digest-407.xml");

        var result = await Dial(carrier, TimeSpan.FromSeconds(10), new SipCredentials("someoneelse", "x")).Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task Early_media_183_is_reported_with_its_sdp_before_the_answer()
    {
        using var carrier = SippProcess.Uas("uas-early-media.xml");
        var progress = new List<(int Status, string? Sdp)>();

        var call = Dial(carrier, TimeSpan.FromSeconds(10), progress: (status, sdp) => { lock (progress) progress.Add((status, sdp)); });
        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Answered, result.Outcome);
        lock (progress)
        {
            var early = Assert.Single(progress);
            Assert.Equal(183, early.Status);
            Assert.Contains("RTP/AVP 8", early.Sdp);
        }
        await call.HangupAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Digest_challenging_trunk_rejects_a_wrong_password()
    {
        using var carrier = SippProcess.Uas("uas-digest.xml");

        var result = await Dial(carrier, TimeSpan.FromSeconds(10), new SipCredentials("trunkuser", "wrong")).Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task Challenge_without_credentials_is_an_auth_failure()
    {
        using var carrier = SippProcess.Uas("uas-digest.xml");

        var result = await Dial(carrier, TimeSpan.FromSeconds(10)).Setup.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallOutcome.AuthFailure, result.Outcome);
    }
}
