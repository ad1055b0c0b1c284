using System.Net;
using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip.Transport;

/// <summary>
/// Shedding at the door: a transport allowing one new call (no refill on the fake clock) answers the next new INVITE
/// with 503 at once, without handing it over; what belongs to calls already taken always goes through.
/// </summary>
public sealed class SipOverloadTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<SipMessage> _handed = [];
    private SipTransport _transport = null!;
    private SipTestPeer _peer = null!;

    public Task InitializeAsync()
    {
        _transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0), time: _time,
            admission: new SipAdmissionOptions { MaxNewCallsPerSecond = 1, Burst = 1, RetryAfter = TimeSpan.FromSeconds(3) });
        _transport.MessageReceived = (m, _, _) => { lock (_handed) _handed.Add(m); };
        _transport.Start();
        _peer = SipTestPeer.Udp(_transport.LocalEndPoint);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _peer.DisposeAsync();
        await _transport.DisposeAsync();
    }

    private IReadOnlyList<string> Handed()
    {
        lock (_handed) return _handed.Select(m => m is SipRequest r ? $"{r.Method} {r.CallId}" : $"{((SipResponse)m).StatusCode}").ToList();
    }

    private async Task UntilHandedAsync(int count)
    {
        for (var i = 0; i < 200 && Handed().Count < count; i++) await Task.Delay(20);
    }

    [Fact]
    public async Task New_invite_over_capacity_gets_503_with_retry_after_at_once_and_its_ack_goes_nowhere()
    {
        var taken = _peer.Invite(callId: "taken");
        var shed = _peer.Invite(callId: "shed");
        await _peer.Send(taken);

        var rejection = (SipResponse)(await _peer.Send(shed).ExpectResponse(503, r =>
        {
            Assert.Equal(3, r.RetryAfter);
            Assert.Equal("shed", r.CallId);
            Assert.Equal(shed.Headers["Via"], r.Headers["Via"]);
            Assert.NotNull(r.To.Tag);
        }))!;
        await _peer.Send(_peer.Ack(shed, rejection)).Send(_peer.Request(SipMethods.Options, callId: "marker"));
        await UntilHandedAsync(2);

        Assert.Equal(["INVITE taken", "OPTIONS marker"], Handed());
        Assert.Equal(1, _transport.Admission.Shed);
    }

    [Fact]
    public async Task Requests_of_calls_already_taken_are_never_shed()
    {
        var taken = _peer.Invite(callId: "taken");
        await _peer.Send(taken).Send(taken);   // and its retransmission
        var ok = _peer.Reply(taken, 200);       // as if answered: the dialog's own requests follow
        var reinvite = _peer.InDialog(SipMethods.Invite, taken, ok);
        await _peer.Send(reinvite).Send(_peer.InDialog(SipMethods.Bye, taken, ok));
        await UntilHandedAsync(4);

        Assert.Equal(["INVITE taken", "INVITE taken", "INVITE taken", "BYE taken"], Handed());
        Assert.Equal(0, _transport.Admission.Shed);
    }
}
