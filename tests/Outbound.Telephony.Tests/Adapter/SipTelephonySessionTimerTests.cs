using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Port;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Sip;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>
/// Session timers (RFC 4028) on the adapter's legs, on a fake clock with scripted peers: a carrier that promised to
/// refresh and did not, and an agent's phone that no longer knows its nailed-up call. Both legs end with BYE and the
/// dialer is told why: <see cref="HangupCause.SessionExpired"/>.
/// </summary>
public sealed class SipTelephonySessionTimerTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly SipTestPeer _peer = SipTestPeer.Udp();
    private SipTelephony _telephony = null!;

    public async Task InitializeAsync()
    {
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-7", "agent7", "outbound", "Secret-7")]);
        // No RTP flows here: the inactivity timeout must not end the legs before the session timer does.
        _telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0, RtpInactivityTimeout = TimeSpan.FromHours(2) }, agents, _time);
        await _telephony.StartAsync(new SipTrunkSettings
        {
            Host = "127.0.0.1", Port = _peer.EndPoint.Port, CallerId = "02150001234", OptionsInterval = TimeSpan.Zero,
        });
        _peer.Server = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, _telephony.Stack.Port);
    }

    public async Task DisposeAsync()
    {
        await _telephony.DisposeAsync();
        await _peer.DisposeAsync();
    }

    [Fact]
    public async Task Carrier_that_chose_to_refresh_and_never_did_is_hung_up_as_session_expired()
    {
        var events = new EventLog();
        await _telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(20), false), events);
        var invite = (SipRequest)(await _peer.ExpectRequest(SipMethods.Invite, r => Assert.Equal("timer", r.Headers["Supported"])))!;
        var ok = _peer.Reply(invite, 200, _peer.Sdp(40000));
        ok.Headers.Add("Session-Expires", "90;refresher=uas");
        ok.Headers.Add("Require", "timer");
        await _peer.Send(ok).ExpectRequest(SipMethods.Ack);
        await events.NextAsync<TelephonyEvent.Answered>(Wait);

        _time.Advance(TimeSpan.FromSeconds(61));   // 90 s less 30 s without a refresh

        await _peer.ExpectRequest(SipMethods.Bye).Reply(200);
        var hungUp = await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal((HangupCause.SessionExpired, false), (hungUp.Cause, hungUp.ByRemote));
    }

    [Fact]
    public async Task Agent_leg_is_refreshed_by_us_and_ended_as_session_expired_when_the_phone_answers_481()
    {
        await RegisterAsync();
        var events = new EventLog();
        await _telephony.ConnectAgentAsync(new AgentEndpoint("agent-7", "sip:agent7"), events);
        var invite = (SipRequest)(await _peer.ExpectRequest(SipMethods.Invite))!;
        await _peer.Send(_peer.Reply(invite, 200, _peer.Sdp(40000))).ExpectRequest(SipMethods.Ack);   // a phone that knows no session timers
        await events.NextAsync<TelephonyEvent.Answered>(Wait);

        _time.Advance(TimeSpan.FromSeconds(900));   // half of the 1800 s we asked for: our refresh

        await _peer.ExpectRequest(SipMethods.Invite, r => Assert.Equal(invite.CallId, r.CallId)).Reply(481).ExpectRequest(SipMethods.Ack)
            .ExpectRequest(SipMethods.Bye).Reply(200);
        var hungUp = await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal(HangupCause.SessionExpired, hungUp.Cause);
    }

    private async Task RegisterAsync()
    {
        SipRequest Register()
        {
            var register = _peer.Request(SipMethods.Register, "agent7", callId: "reg-agent7");
            register.Uri = SipUri.Create(null, "127.0.0.1", _telephony.Stack.Port);
            register.Headers.Set("From", "<sip:agent7@127.0.0.1>;tag=ph7");
            register.Headers.Set("To", "<sip:agent7@127.0.0.1>");
            register.Headers.Set("Expires", "3600");
            return register;
        }
        var challenge = (SipResponse)(await _peer.Send(Register()).ExpectResponse(401))!;
        var retry = Register();
        Assert.True(new DigestClient(new SipCredentials("agent7", "Secret-7")).TryAuthorize(challenge, retry));
        await _peer.Send(retry).ExpectResponse(200);
    }
}
