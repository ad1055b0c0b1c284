using System.Net;
using System.Net.Sockets;

namespace Outbound.Telephony.Rtp.Sessions;

/// <summary>A port range for RTP (the one a firewall opens), inclusive.</summary>
public sealed record RtpPortRange(int First, int Last)
{
    public RtpPortRange Validated() =>
        First is > 0 and <= 65535 && Last is > 0 and <= 65535 && First <= Last
            ? this
            : throw new ArgumentException($"RTP port range {First}–{Last} is not within 1–65535 or is reversed");
}

/// <summary>
/// Binds UDP sockets for RTP on even ports (RFC 3550 §11: RTP on an even port, RTCP on the next odd one),
/// inside a configured range when one is given, else among the system's ephemeral ports.
/// </summary>
public static class RtpPorts
{
    public static Socket BindEven(IPAddress address, RtpPortRange? range = null, int receiveBufferBytes = 256 * 1024)
    {
        return range is null ? BindEphemeral() : BindInRange(range.Validated());

        Socket NewSocket() => new(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = receiveBufferBytes };

        Socket BindEphemeral()
        {
            for (var attempt = 0; attempt < 64; attempt++)
            {
                var socket = NewSocket();
                socket.Bind(new IPEndPoint(address, 0));
                if (((IPEndPoint)socket.LocalEndPoint!).Port % 2 == 0) return socket;
                socket.Dispose();
            }
            throw new InvalidOperationException("no even ephemeral UDP port after 64 attempts");
        }

        Socket BindInRange(RtpPortRange ports)
        {
            var first = ports.First + ports.First % 2;
            var count = (ports.Last - first) / 2 + 1;
            if (count <= 0) throw new ArgumentException($"RTP port range {ports.First}–{ports.Last} holds no even port");
            var start = Random.Shared.Next(count);
            for (var i = 0; i < count; i++)
            {
                var port = first + 2 * ((start + i) % count);
                var socket = NewSocket();
                try
                {
                    socket.Bind(new IPEndPoint(address, port));
                    return socket;
                }
                catch (SocketException)
                {
                    socket.Dispose();
                }
            }
            throw new InvalidOperationException($"every even port of RTP range {ports.First}–{ports.Last} is in use");
        }
    }
}
