using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// UDP and TCP on one address (RFC 3261 §18). Receive loops never stop on bad input: a malformed request
/// whose Via, From, To, Call-ID and CSeq were readable gets a 400, anything else is dropped and counted.
/// Requests get <c>received</c>/<c>rport</c> stamped on their top Via (§18.2.1, RFC 3581).
/// </summary>
public sealed class SipTransport : ISipSender, IAsyncDisposable
{
    private readonly IPEndPoint _bind;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<IPEndPoint, TcpConnection> _connections = new();
    private readonly List<Task> _loops = [];
    private Socket? _udp;
    private TcpListener? _tcp;
    private long _dropped;
    private int _disposed;

    public SipTransport(IPEndPoint bind) => _bind = bind;

    /// <summary>Called for every well-formed message, in arrival order per socket. Must not block.</summary>
    public Action<SipMessage, SipEndPoint>? MessageReceived { get; set; }

    /// <summary>The address both transports listen on (the port is chosen by the OS when bound to 0).</summary>
    public IPEndPoint LocalEndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>Messages that could not be parsed or framed.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    public void Start()
    {
        // UDP and TCP share one port. With port 0 the kernel picks a free UDP port whose TCP twin may be taken
        // (an outgoing connection's local port): then try another, as any SIP stack binding both must.
        for (var attempt = 1; ; attempt++)
        {
            _udp = new Socket(_bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _udp.ReceiveBufferSize = 4 * 1024 * 1024;
            _udp.SendBufferSize = 4 * 1024 * 1024;
            _udp.Bind(_bind);
            LocalEndPoint = (IPEndPoint)_udp.LocalEndPoint!;
            _tcp = new TcpListener(LocalEndPoint);
            try
            {
                _tcp.Start();
                break;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && _bind.Port == 0 && attempt < 20)
            {
                _udp.Dispose();
            }
        }
        _loops.Add(Task.Run(UdpLoop));
        _loops.Add(Task.Run(AcceptLoop));
    }

    public void Send(SipMessage message, SipEndPoint remote, Action<Exception>? onError = null)
    {
        var bytes = message.ToBytes();
        if (remote.Transport == SipTransportKind.Udp)
        {
            try
            {
                _udp!.SendTo(bytes, SocketFlags.None, remote.Address);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                onError?.Invoke(e);
            }
            return;
        }
        _ = SendTcpAsync(bytes, remote.Address, onError);
    }

    private async Task SendTcpAsync(byte[] bytes, IPEndPoint remote, Action<Exception>? onError)
    {
        try
        {
            if (!_connections.TryGetValue(remote, out var connection))
            {
                var client = new TcpClient(remote.AddressFamily) { NoDelay = true };
                await client.ConnectAsync(remote, _stop.Token);
                connection = new TcpConnection(client);
                if (!_connections.TryAdd(remote, connection))
                {
                    client.Dispose();
                    connection = _connections[remote];
                }
                else _loops.Add(Task.Run(() => ReadLoop(connection, remote)));
            }
            await connection.WriteAsync(bytes, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            onError?.Invoke(e);
        }
    }

    private async Task UdpLoop()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(_bind.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp!.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (SocketException)
            {
                continue;   // e.g. ICMP port unreachable reported on Linux as ConnectionRefused
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            Deliver(buffer.AsSpan(0, received.ReceivedBytes), new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)received.RemoteEndPoint), isDatagram: true);
        }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp!.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            client.NoDelay = true;
            var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
            var connection = new TcpConnection(client);
            _connections[remote] = connection;
            _loops.Add(Task.Run(() => ReadLoop(connection, remote)));
        }
    }

    private async Task ReadLoop(TcpConnection connection, IPEndPoint remote)
    {
        var framer = new SipStreamFramer();
        var buffer = new byte[16384];
        var source = new SipEndPoint(SipTransportKind.Tcp, remote);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await connection.Stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) break;
                framer.Append(buffer.AsSpan(0, read));
                while (framer.Next() is { } frame) Deliver(frame, source, isDatagram: false);
                if (framer.Broken)
                {
                    Interlocked.Increment(ref _dropped);
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away; nothing to answer.
        }
        finally
        {
            _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpConnection>(remote, connection));
            connection.Dispose();
        }
    }

    private void Deliver(ReadOnlySpan<byte> data, SipEndPoint source, bool isDatagram)
    {
        if (SipMessageParser.SkipLeadingLineBreaks(data) == data.Length) return;   // CRLF keep-alive (RFC 5626 §4.4.1)
        var result = SipMessageParser.Parse(data, isDatagram);
        if (!result.Success)
        {
            Interlocked.Increment(ref _dropped);
            AnswerBadRequest(result.Error, source);
            return;
        }
        if (result.Message is SipRequest request) StampVia(request, source);
        try
        {
            MessageReceived?.Invoke(result.Message, source);
        }
        catch (Exception)
        {
            // A handler bug must not stop the receive loop; the transaction timers clean up.
        }
    }

    private void AnswerBadRequest(SipParseError error, SipEndPoint source)
    {
        var headers = error.Headers;
        if (!error.IsRequest || headers is null) return;
        if (headers[SipHeaderNames.Via] is null || headers[SipHeaderNames.From] is null || headers[SipHeaderNames.To] is null
            || headers[SipHeaderNames.CallId] is null || headers[SipHeaderNames.CSeq] is null) return;
        if (headers[SipHeaderNames.CSeq]!.Contains(SipMethods.Ack, StringComparison.OrdinalIgnoreCase)) return;   // never answer an ACK
        var reason = error.Reason.Replace('\r', ' ').Replace('\n', ' ');
        Send(SipResponse.ForHeaders(headers, 400, "Bad Request (" + (reason.Length > 80 ? reason[..80] : reason) + ")"), source);
    }

    /// <summary>§18.2.1 received, RFC 3581 rport: record where the request really came from.</summary>
    private static void StampVia(SipRequest request, SipEndPoint source)
    {
        var via = request.TopVia;
        var changed = false;
        var address = source.Address.Address.ToString();
        if (via.Host != address)
        {
            via.Parameters.Set("received", address);
            changed = true;
        }
        if (via.Parameters.Contains("rport") && via.Parameters["rport"] is null)
        {
            via.Parameters.Set("rport", source.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            changed = true;
        }
        if (!changed) return;
        request.Headers.RemoveFirst(SipHeaderNames.Via);
        request.Headers.AddFirst(SipHeaderNames.Via, via.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        _udp?.Dispose();
        _tcp?.Stop();
        foreach (var connection in _connections.Values) connection.Dispose();
        try
        {
            await Task.WhenAll(_loops.ToArray()).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception)
        {
            // Loops end with cancellation or disposal; nothing to report on shutdown.
        }
        _stop.Dispose();
    }

    private sealed class TcpConnection(TcpClient client) : IDisposable
    {
        private readonly SemaphoreSlim _writeLock = new(1, 1);

        public NetworkStream Stream { get; } = client.GetStream();

        public async Task WriteAsync(byte[] bytes, CancellationToken cancel)
        {
            await _writeLock.WaitAsync(cancel);
            try
            {
                await Stream.WriteAsync(bytes, cancel);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        public void Dispose() => client.Dispose();
    }
}
