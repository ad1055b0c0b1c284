using System.Net;

namespace Outbound.Telephony.Sip.Transport;

public enum SipTransportKind { Udp, Tcp }

/// <summary>Where a message came from or goes to: the transport and the peer's address.</summary>
public sealed record SipEndPoint(SipTransportKind Transport, IPEndPoint Address)
{
    /// <summary>Reliable transports switch off retransmission timers (RFC 3261 §17.1.1.2, §17.1.2.2).</summary>
    public bool IsReliable => Transport == SipTransportKind.Tcp;

    public override string ToString() => $"{Transport.ToString().ToLowerInvariant()}:{Address}";
}
