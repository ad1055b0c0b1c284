using System.Net;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.UserAgents;

/// <summary>
/// The protocol corners a user agent answers before any call logic sees a request (RFC 3261 §8.2, §9.2, §11), each
/// driven by the message that once went wrong.
/// </summary>
public sealed class SipStackCornerTests : IAsyncLifetime
{
    private readonly List<SipRequest> _handled = [];
    private SipStack _stack = null!;
    private SipTestPeer _peer = null!;
    private Action<IncomingRequest> _handler = _ => { };

    public Task InitializeAsync()
    {
        _stack = LoopbackStacks.Create();
        _stack.RequestReceived = incoming =>
        {
            lock (_handled) _handled.Add(incoming.Request);
            _handler(incoming);
        };
        _peer = SipTestPeer.Udp(_stack.Transport.LocalEndPoint);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _peer.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_method_gets_501()
    {
        await _peer.Send(_peer.Request("FROBNICATE")).ExpectResponse(501, r => Assert.NotNull(r.To.Tag));

        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Known_method_nobody_handles_gets_405_with_allow()
    {
        _handler = incoming => incoming.Respond(405);

        await _peer.Send(_peer.Request("SUBSCRIBE")).ExpectResponse(405, r =>
            Assert.Contains("INVITE", r.Headers[SipHeaderNames.Allow]!.Split(", ")));
    }

    [Fact]
    public async Task Options_is_answered_with_allow_accept_and_supported()
    {
        await _peer.Send(_peer.Request("OPTIONS")).ExpectResponse(200, r =>
        {
            Assert.Contains("BYE", r.Headers.GetAll(SipHeaderNames.Allow));
            Assert.Equal("application/sdp", r.Headers[SipHeaderNames.Accept]);
            Assert.Equal("timer", r.Headers[SipHeaderNames.Supported]);
            Assert.NotNull(r.To.Tag);
        });
    }

    [Fact]
    public async Task Invite_requiring_an_extension_we_lack_gets_420_naming_it()
    {
        var invite = _peer.Invite();
        invite.Headers.Add(SipHeaderNames.Require, "100rel");

        await _peer.Send(invite).ExpectResponse(420, r => Assert.Equal("100rel", r.Headers[SipHeaderNames.Unsupported]));
        await _peer.Send(_peer.Ack(invite, _peer.LastResponse));
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Invite_with_a_body_that_is_not_sdp_gets_415_with_accept()
    {
        var invite = _peer.Request(SipMethods.Invite);
        invite.SetBody("application/isup;version=itu-t92+", "\u0001\u0002\u0003");

        await _peer.Send(invite).ExpectResponse(415, r => Assert.Equal("application/sdp", r.Headers[SipHeaderNames.Accept]));
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Multipart_invite_reaches_the_user_as_its_sdp_part_alone()
    {
        _handler = incoming => incoming.Respond(486);
        var sdp = _peer.Sdp(40000);
        var invite = _peer.Request(SipMethods.Invite);
        invite.SetBody("multipart/mixed;boundary=unique-boundary-1",
            "--unique-boundary-1\r\nContent-Type: application/sdp\r\n\r\n" + sdp
            + "\r\n--unique-boundary-1\r\nContent-Type: application/isup;version=itu-t92+\r\nContent-Disposition: signal;handling=optional\r\n\r\n\u0001\u0002"
            + "\r\n--unique-boundary-1--\r\n");

        await _peer.Send(invite).ExpectResponse(486);

        var seen = Assert.Single(_handled);
        Assert.Equal("application/sdp", seen.ContentType);
        Assert.Equal(sdp, seen.BodyText);
    }

    [Fact]
    public async Task Cancel_gets_a_200_with_the_same_to_tag_as_the_487()
    {
        _handler = incoming => new SipInboundCall(_stack, incoming).Ring();
        var invite = _peer.Invite();
        var ringing = (SipResponse)(await _peer.Send(invite).ExpectResponse(100).ExpectResponse(180))!;

        var messages = new List<SipResponse>();
        await _peer.Send(SipTestPeer.Cancel(invite)).ExpectResponse(200, messages.Add).ExpectResponse(487, messages.Add);

        Assert.Equal(messages[0].To.Tag, messages[1].To.Tag);
        Assert.Equal(ringing.To.Tag, messages[1].To.Tag);
    }

    [Fact]
    public async Task Request_whose_via_has_a_quoted_parameter_and_another_host_is_answered()
    {
        _handler = incoming => incoming.Respond(200);
        var info = _peer.Request(SipMethods.Info);
        info.Headers.Set("Via", "SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKquoted1;x=\"a b\";rport");

        // No Via routing needed: the stack answers where the request came from (rport).
        await _peer.Send(info).ExpectResponse(200, r => Assert.Contains("x=\"a b\"", r.Headers["Via"]));
    }

    [Fact]
    public async Task Response_too_large_for_a_datagram_is_replaced_by_500_rather_than_lost()
    {
        _handler = incoming =>
        {
            var huge = SipResponse.For(incoming.Request, 200, toTag: incoming.LocalTag);
            huge.SetBody("text/plain", new string('x', 70_000));
            incoming.Respond(huge);
        };

        await _peer.Send(_peer.Request("MESSAGE")).ExpectResponse(500, r => Assert.Equal("Response Too Large", r.Reason));
    }
}
