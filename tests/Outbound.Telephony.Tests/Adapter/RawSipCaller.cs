using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>
/// A bare UDP socket that writes INVITEs by hand (well-formed or not) and reads back the status codes, for the cases a
/// scripted peer cannot express: a stranger's address, a broken message. No retransmission: loopback does not lose datagrams.
/// </summary>
internal sealed class RawSipCaller(string localIp = "127.0.0.1") : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Parse(localIp), 0));

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    /// <summary>An INVITE to <paramref name="number"/> at <paramref name="platform"/> offering PCMU; <paramref name="contentLength"/> may lie.</summary>
    public string Invite(IPEndPoint platform, string number, string callId, int? contentLength = null)
    {
        var sdp = $"v=0\r\no=caller 1 1 IN IP4 {EndPoint.Address}\r\ns=-\r\nc=IN IP4 {EndPoint.Address}\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return $"INVITE sip:{number}@{platform} SIP/2.0\r\n" +
               $"Via: SIP/2.0/UDP {EndPoint};branch=z9hG4bK{callId}\r\n" +
               $"From: <sip:13900139000@{EndPoint.Address}>;tag=t{callId}\r\n" +
               $"To: <sip:{number}@{platform.Address}>\r\n" +
               $"Call-ID: {callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:13900139000@{EndPoint}>\r\nMax-Forwards: 70\r\n" +
               $"Content-Type: application/sdp\r\nContent-Length: {contentLength ?? Encoding.ASCII.GetByteCount(sdp)}\r\n\r\n{sdp}";
    }

    /// <summary>Sends <paramref name="message"/> and returns the status codes received until a final one (or the timeout).</summary>
    public async Task<IReadOnlyList<int>> SendAsync(IPEndPoint platform, string message, TimeSpan timeout)
    {
        await _udp.SendAsync(Encoding.ASCII.GetBytes(message), platform);
        var statuses = new List<int>();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (statuses.Count == 0 || statuses[^1] < 200)
            {
                var received = await _udp.ReceiveAsync(cancel.Token);
                var text = Encoding.ASCII.GetString(received.Buffer);
                if (text.StartsWith("SIP/2.0 ", StringComparison.Ordinal)) statuses.Add(int.Parse(text.AsSpan(8, 3)));
            }
        }
        catch (OperationCanceledException)
        {
            // What came so far is the answer.
        }
        return statuses;
    }

    public void Dispose() => _udp.Dispose();
}
