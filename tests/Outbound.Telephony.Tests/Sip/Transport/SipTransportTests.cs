using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip.Transport;

/// <summary>The transport on real loopback sockets, fed by a scripted peer: bad input, limits, and TCP connections that come and go.</summary>
public sealed class SipTransportTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly List<SipMessage> _received = [];
    private SipTransport _transport = null!;

    public Task InitializeAsync()
    {
        _transport = Start(new SipTransportOptions { MaxTcpConnectionsPerAddress = 3, TcpIdleTimeout = TimeSpan.FromSeconds(60), MaxHeaderFields = 20 });
        return Task.CompletedTask;
    }

    private SipTransport Start(SipTransportOptions options)
    {
        var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0), options, _time);
        transport.MessageReceived = (m, _, _) => { lock (_received) _received.Add(m); };
        transport.Start();
        return transport;
    }

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    private static string Options(string callId, string extra = "", string via = "SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKq;rport") =>
        $"OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: {via}\r\nFrom: <sip:b@h>;tag=1\r\n"
        + $"To: <sip:a@h>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n{extra}Content-Length: 0\r\n\r\n";

    [Fact]
    public async Task Malformed_datagram_request_is_answered_400_with_a_to_tag_and_the_loop_keeps_running()
    {
        await using var peer = SipTestPeer.Udp(_transport.LocalEndPoint);

        await peer.SendRaw(Options("bad1", "Max-Forwards: 999\r\n")).ExpectResponse(400, r =>
        {
            Assert.Equal("bad1", r.CallId);
            Assert.NotNull(r.To.Tag);   // §8.2.6.2: every final response from a UAS carries a To tag
        });
        await peer.SendRaw("\0\u0001\u0002junk").SendRaw(Options("good1"));
        await WaitForAsync(() => _received.Count == 1);

        Assert.Equal("good1", _received[0].CallId);
        Assert.Equal(2, _transport.DroppedCount);
    }

    [Fact]
    public async Task Request_gets_rport_stamped_with_its_source_port()
    {
        await using var peer = SipTestPeer.Udp(_transport.LocalEndPoint);
        await peer.SendRaw(Options("rport1"));
        await WaitForAsync(() => _received.Count == 1);

        Assert.Equal(peer.EndPoint.Port.ToString(), _received[0].TopVia.Parameters["rport"]);
    }

    [Fact]
    public async Task Via_with_a_quoted_parameter_from_another_host_is_stamped_and_still_parses()
    {
        // The request of point 6: a quoted Via parameter and a sent-by that is not the sender's address.
        await using var peer = SipTestPeer.Udp(_transport.LocalEndPoint);
        await peer.SendRaw(Options("quoted1", via: "SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKx1;x=\"a b\""));
        await WaitForAsync(() => _received.Count == 1);

        var via = _received[0].TopVia;
        Assert.Equal("a b", via.Parameters["x"]);
        Assert.Equal("127.0.0.1", via.Received);
        Assert.Contains("x=\"a b\"", _received[0].Headers["Via"]);
    }

    [Fact]
    public async Task Request_for_a_tel_uri_gets_416_not_400()
    {
        await using var peer = SipTestPeer.Udp(_transport.LocalEndPoint);

        await peer.SendRaw(Options("tel1").Replace("OPTIONS sip:a@127.0.0.1 SIP/2.0", "OPTIONS tel:+8613800138000 SIP/2.0"))
            .ExpectResponse(416, r => Assert.NotNull(r.To.Tag));
    }

    [Fact]
    public async Task Body_over_the_limit_gets_513()
    {
        await using var peer = SipTestPeer.Udp(_transport.LocalEndPoint);
        var body = new string('x', 40 * 1024);

        await peer.SendRaw(Options("big1").Replace("Content-Length: 0\r\n\r\n", $"Content-Type: text/plain\r\nContent-Length: {body.Length}\r\n\r\n{body}"))
            .ExpectResponse(513);
    }

    [Fact]
    public async Task Too_many_header_fields_get_513()
    {
        await using var peer = SipTestPeer.Udp(_transport.LocalEndPoint);
        var many = string.Concat(Enumerable.Range(0, 30).Select(i => $"X-Filler-{i}: {i}\r\n"));

        await peer.SendRaw(Options("many1", many)).ExpectResponse(513);
    }

    [Fact]
    public async Task Tcp_stream_written_in_pieces_delivers_each_message_once()
    {
        await using var peer = await SipTestPeer.TcpAsync(_transport.LocalEndPoint);
        var text = Options("t1") + "\r\n\r\n" + Options("t2");

        foreach (var chunk in text.Chunk(13)) await peer.SendRaw(new string(chunk));
        await WaitForAsync(() => _received.Count == 2);

        Assert.Equal(["t1", "t2"], _received.Select(m => m.CallId));
    }

    [Fact]
    public async Task Tcp_message_over_the_size_limit_gets_513_and_the_connection_is_closed()
    {
        await using var peer = await SipTestPeer.TcpAsync(_transport.LocalEndPoint);

        await peer.SendRaw(Options("huge1").Replace("Content-Length: 0", "Content-Length: 16777216")).ExpectResponse(513);

        await WaitForAsync(() => peer.ClosedByServer && _transport.TcpConnectionCount == 0);
    }

    [Fact]
    public async Task Connections_over_the_per_address_limit_are_closed_and_a_closed_one_frees_its_place()
    {
        var peers = new List<SipTestPeer>();
        for (var i = 0; i < 5; i++) peers.Add(await SipTestPeer.TcpAsync(_transport.LocalEndPoint));
        try
        {
            await WaitForAsync(() => _transport.RefusedConnections == 2 && _transport.TcpConnectionCount == 3 && peers.Count(p => p.ClosedByServer) == 2);
            var kept = peers.Where(p => !p.ClosedByServer).ToList();

            await kept[0].DisposeAsync();
            await WaitForAsync(() => _transport.TcpConnectionCount == 2);
            await using var another = await SipTestPeer.TcpAsync(_transport.LocalEndPoint);
            await another.SendRaw(Options("after-free")).RunAsync();
            await WaitForAsync(() => _received.Any(m => m.CallId == "after-free"));
        }
        finally
        {
            foreach (var peer in peers) await peer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Idle_tcp_connection_is_closed_after_the_idle_timeout_but_one_held_by_a_dialog_stays()
    {
        await using var idle = await SipTestPeer.TcpAsync(_transport.LocalEndPoint);
        await using var held = await SipTestPeer.TcpAsync(_transport.LocalEndPoint);
        await WaitForAsync(() => _transport.TcpConnectionCount == 2);
        _transport.Hold(new SipEndPoint(SipTransportKind.Tcp, held.EndPoint));

        for (var i = 0; i < 14 && !idle.ClosedByServer; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        await WaitForAsync(() => idle.ClosedByServer && _transport.TcpConnectionCount == 1);
        Assert.False(held.ClosedByServer);
    }

    private async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            lock (_received) if (condition()) return;
            await Task.Delay(25);
        }
        lock (_received) Assert.True(condition(), $"received {_received.Count} messages");
    }
}
