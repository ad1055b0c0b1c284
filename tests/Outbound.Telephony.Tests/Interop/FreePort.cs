using System.Net;
using System.Net.Sockets;

namespace Outbound.Telephony.Tests.Interop;

internal static class FreePort
{
    /// <summary>An even UDP port that is free on loopback now, with the next one free too (sipp's RTP + RTCP).</summary>
    public static int Udp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            int port;
            using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                port = ((IPEndPoint)probe.LocalEndPoint!).Port & ~1;
            }
            try
            {
                using var even = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                using var odd = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                even.Bind(new IPEndPoint(IPAddress.Loopback, port));
                odd.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("no free UDP port pair on loopback");
    }
}
