using System.Net;
using System.Text;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip.Dialogs;

public sealed class SipDialogTests
{
    private static readonly SipEndPoint Peer = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5090));

    private static SipRequest Invite() => SipSamples.Request("INVITE");

    private static SipResponse Ok(SipRequest invite, params string[] recordRoutes)
    {
        var ok = SipResponse.For(invite, 200, toTag: "callee1");
        foreach (var route in recordRoutes) ok.Headers.Add("Record-Route", route);
        ok.Headers.Add("Contact", "<sip:callee@192.0.2.9:5070>");
        return ok;
    }

    [Fact]
    public void Uac_route_set_is_the_record_route_reversed_and_requests_use_loose_routing()
    {
        var invite = Invite();
        var dialog = SipDialog.FromResponse(invite, Ok(invite, "<sip:p2.example.com;lr>", "<sip:127.0.0.1:5099;lr>"), Peer);

        var bye = dialog.CreateRequest("BYE", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKbye", SipUri.Create(null, "127.0.0.1"));

        Assert.Equal("sip:callee@192.0.2.9:5070", bye.Uri.ToString());
        Assert.Equal(["<sip:127.0.0.1:5099;lr>", "<sip:p2.example.com;lr>"], bye.Headers.GetAll("Route"));
        Assert.Equal(new CSeqHeader(2, "BYE"), bye.CSeq);
        Assert.Equal("abc", bye.From.Tag);
        Assert.Equal("callee1", bye.To.Tag);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5099), dialog.NextHop().Address);
    }

    [Fact]
    public void Strict_first_route_becomes_the_request_uri_and_the_target_goes_last()
    {
        var invite = Invite();
        var dialog = SipDialog.FromResponse(invite, Ok(invite, "<sip:p2.example.com;lr>", "<sip:127.0.0.1:5099>"), Peer);

        var bye = dialog.CreateRequest("BYE", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKbye", SipUri.Create(null, "127.0.0.1"));

        Assert.Equal("sip:127.0.0.1:5099", bye.Uri.ToString());
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:callee@192.0.2.9:5070>"], bye.Headers.GetAll("Route"));
    }

    [Fact]
    public void Uas_keeps_record_route_order_and_rejects_an_older_remote_cseq()
    {
        var invite = Invite();
        invite.Headers.Add("Record-Route", "<sip:a.example.com;lr>").Add("Record-Route", "<sip:b.example.com;lr>");
        var dialog = SipDialog.FromRequest(invite, "me1", Peer);

        Assert.Equal(["a.example.com", "b.example.com"], dialog.RouteSet.Select(r => r.Uri.Host));
        Assert.True(dialog.AcceptRemoteSequence(Parse("INFO", 2)));
        Assert.False(dialog.AcceptRemoteSequence(Parse("INFO", 2)));
        Assert.False(dialog.AcceptRemoteSequence(Parse("BYE", 1)));
        Assert.True(dialog.AcceptRemoteSequence(Parse("BYE", 3)));
    }

    [Fact]
    public void Ack_for_a_2xx_reuses_the_invite_cseq_number()
    {
        var invite = Invite();
        var dialog = SipDialog.FromResponse(invite, Ok(invite), Peer);

        var ack = dialog.CreateAck(1, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKack", SipUri.Create(null, "127.0.0.1"));

        Assert.Equal(new CSeqHeader(1, "ACK"), ack.CSeq);
        Assert.Equal(1, dialog.LocalSeq);
    }

    [Fact]
    public void Header_parameter_values_with_specials_are_quoted_when_written()
    {
        Assert.True(NameAddress.TryParse("<sip:agent@127.0.0.1>;+sip.instance=\"<urn:uuid:0001>\";expires=60", out var contact));

        var text = contact!.ToString();

        Assert.Equal("<sip:agent@127.0.0.1>;+sip.instance=\"<urn:uuid:0001>\";expires=60", text);
        Assert.True(NameAddress.TryParse(text, out var again));
        Assert.Equal("<urn:uuid:0001>", again!.Parameters["+sip.instance"]);
    }

    private static SipRequest Parse(string method, long seq) =>
        (SipRequest)SipMessageParser.Parse(Encoding.ASCII.GetBytes(
            $"{method} sip:me@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK{seq}{method}\r\nFrom: <sip:x@h>;tag=t\r\n"
            + $"To: <sip:me@h>;tag=me1\r\nCall-ID: c\r\nCSeq: {seq} {method}\r\nContent-Length: 0\r\n\r\n")).Message!;
}
