using System.Net;
using System.Net.Sockets;
using System.Text;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip.Transport;

/// <summary>The transport on real loopback sockets fed with raw bytes.</summary>
public sealed class SipTransportTests : IAsyncLifetime
{
    private readonly SipTransport _transport = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<SipMessage> _received = [];

    public Task InitializeAsync()
    {
        _transport.MessageReceived = (m, _) => { lock (_received) _received.Add(m); };
        _transport.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    private static string Request(string callId, string extra = "") =>
        "OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKq;rport\r\nFrom: <sip:b@h>;tag=1\r\n"
        + $"To: <sip:a@h>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n{extra}Content-Length: 0\r\n\r\n";

    [Fact]
    public async Task Malformed_datagram_request_is_answered_400_and_the_loop_keeps_running()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await peer.SendAsync(Encoding.ASCII.GetBytes(Request("bad1", "Max-Forwards: 999\r\n")), _transport.LocalEndPoint);

        var reply = await peer.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
        var response = Assert.IsType<SipResponse>(SipMessageParser.Parse(reply.Buffer).Message);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("bad1", response.CallId);

        await peer.SendAsync(new byte[] { 0, 1, 2, 3, 255 }, _transport.LocalEndPoint);
        await peer.SendAsync(Encoding.ASCII.GetBytes(Request("good1")), _transport.LocalEndPoint);
        await WaitForAsync(() => _received.Count == 1);

        Assert.Equal("good1", _received[0].CallId);
        Assert.Equal(2, _transport.DroppedCount);
    }

    [Fact]
    public async Task Request_gets_rport_stamped_with_its_source_port()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await peer.SendAsync(Encoding.ASCII.GetBytes(Request("rport1")), _transport.LocalEndPoint);
        await WaitForAsync(() => _received.Count == 1);

        var via = _received[0].TopVia;
        Assert.Equal(((IPEndPoint)peer.Client.LocalEndPoint!).Port.ToString(), via.Parameters["rport"]);
    }

    [Fact]
    public async Task Tcp_stream_written_in_pieces_delivers_each_message_once()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_transport.LocalEndPoint);
        var stream = client.GetStream();
        var bytes = Encoding.ASCII.GetBytes(Request("t1") + "\r\n\r\n" + Request("t2"));

        foreach (var chunk in bytes.Chunk(13))
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }
        await WaitForAsync(() => _received.Count == 2);

        Assert.Equal(["t1", "t2"], _received.Select(m => m.CallId));
    }

    private async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            lock (_received) if (condition()) return;
            await Task.Delay(50);
        }
        lock (_received) Assert.True(condition(), $"received {_received.Count} messages");
    }
}
