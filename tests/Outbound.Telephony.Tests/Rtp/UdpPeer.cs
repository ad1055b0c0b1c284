using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Rtp;

namespace Outbound.Telephony.Tests.Rtp;

/// <summary>A bare UDP endpoint on loopback for driving sessions and relays: send packets, expect packets.</summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public IPEndPoint EndPoint => (IPEndPoint)_client.Client.LocalEndPoint!;

    public UdpPeer Send(IPEndPoint to, RtpPacket packet)
    {
        _client.Send(packet.ToArray(), to);
        return this;
    }

    public async Task<(RtpPacket Packet, IPEndPoint From)> ExpectAsync(int timeoutMs = 5000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            var result = await _client.ReceiveAsync(timeout.Token);
            return (RtpPacket.Parse(result.Buffer), result.RemoteEndPoint);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no packet at {EndPoint} within {timeoutMs} ms");
        }
    }

    public async Task ExpectNothingAsync(int withinMs = 300)
    {
        using var timeout = new CancellationTokenSource(withinMs);
        try
        {
            var result = await _client.ReceiveAsync(timeout.Token);
            throw new Xunit.Sdk.XunitException($"unexpected packet of {result.Buffer.Length} bytes from {result.RemoteEndPoint}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _client.Dispose();
}
