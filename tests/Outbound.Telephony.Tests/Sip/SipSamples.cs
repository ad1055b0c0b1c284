using System.Net;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip;

internal static class SipSamples
{
    public static readonly SipEndPoint Udp = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5090));
    public static readonly SipEndPoint Tcp = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 5090));

    public static SipRequest Request(string method, string branch = "z9hG4bKtest1")
    {
        var request = new SipRequest { Method = method, Uri = SipUri.Create("13800000000", "127.0.0.1", 5090) };
        request.Headers.Add("Via", $"SIP/2.0/UDP 127.0.0.1:5060;branch={branch}")
            .Add("Max-Forwards", "70")
            .Add("From", "<sip:platform@127.0.0.1>;tag=abc")
            .Add("To", "<sip:13800000000@127.0.0.1>")
            .Add("Call-ID", "call-" + branch)
            .Add("CSeq", $"1 {method}");
        return request;
    }
}
