using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// UDP and TCP on one address (RFC 3261 §18). Receiving and processing are apart: the UDP, accept and connection loops
/// only read and queue (with the time of arrival), one worker parses and hands messages over in arrival order, so the
/// queueing delay is known to overload control (<see cref="SipAdmission"/>: a new INVITE that waited too long gets a
/// stateless 503 before it is even parsed). UDP reception and the worker run on threads of their own, so a busy thread
/// pool cannot hide a queue in the socket buffer. No loop ever stops on its own: a bad message gets a 400/416/513 when its
/// Via, From, To, Call-ID and CSeq were readable and is dropped otherwise; an unexpected exception is logged and the loop
/// goes on; running out of descriptors or buffers backs off (<see cref="LoopBackoff"/>) instead of spinning. TCP
/// connections are capped in total and per source address, never take the descriptors the process keeps in reserve
/// (<see cref="DescriptorHeadroom"/>), and are closed after an idle timeout unless a dialog or a registration uses them. Requests get <c>received</c>/<c>rport</c> stamped on their top Via (§18.2.1, RFC 3581).
/// </summary>
public sealed class SipTransport : ISipSender, IAsyncDisposable
{
    /// <summary>The largest UDP payload IPv4 can carry.</summary>
    public const int MaxDatagramBytes = 65_507;
    private const int ReadChunkBytes = 16 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly IPEndPoint _bind;
    private readonly SipTransportOptions _options;
    private readonly SipParseLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SipInbox<Arrival> _inbox;
    private readonly SipTcpConnections _connections;
    private readonly DescriptorHeadroom _headroom;
    private readonly List<Task> _loops = [];
    private Socket? _udp;
    private Socket? _listener;
    private ITimer? _reaper;
    private long _dropped;
    private long _shed;
    private long _refused;
    private long _loopFailures;
    private int _disposed;

    public SipTransport(IPEndPoint bind, SipTransportOptions? options = null, TimeProvider? time = null, ILogger? logger = null,
        SipAdmissionOptions? admission = null)
    {
        _bind = bind;
        _options = options ?? SipTransportOptions.Default;
        _limits = _options.ParseLimits;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _inbox = new SipInbox<Arrival>(_options.InboxCapacity);
        Admission = new SipAdmission(admission ?? SipAdmissionOptions.Default, _time);
        // Descriptors are shared with RTP sockets, recordings and the database: TCP peers may take half at most.
        var descriptors = DescriptorLimit.Current();
        var maxTotal = descriptors is { } limit ? (int)Math.Clamp(limit / 2, 8, _options.MaxTcpConnections) : _options.MaxTcpConnections;
        _connections = new SipTcpConnections(maxTotal, Math.Min(_options.MaxTcpConnectionsPerAddress, maxTotal));
        _headroom = new DescriptorHeadroom(_time);
    }

    /// <summary>Called for every well-formed message, in arrival order, on the transport's one worker. Must not block.</summary>
    public SipMessageHandler? MessageReceived { get; set; }

    /// <summary>Who decides whether a new INVITE is taken or shed.</summary>
    public SipAdmission Admission { get; }

    /// <summary>The address both transports listen on (the port is chosen by the OS when bound to 0).</summary>
    public IPEndPoint LocalEndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>Messages that could not be parsed or framed.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);
    /// <summary>Datagrams dropped because the inbox was full.</summary>
    public long ShedCount => Interlocked.Read(ref _shed);
    /// <summary>TCP connections closed at once because a limit was reached.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refused);
    public int TcpConnectionCount => _connections.Count;
    /// <summary>Times a receive or accept loop had to back off (out of descriptors or buffers): a handful per episode, never a spin.</summary>
    public long LoopFailures => Interlocked.Read(ref _loopFailures);
    /// <summary>The TCP connection limit in force (the configured one, or half the descriptor limit when lower).</summary>
    public int MaxTcpConnections => _connections.MaxTotal;

    public void Start()
    {
        WarmUp();
        // UDP and TCP share one port. With port 0 the kernel picks a free UDP port whose TCP twin may be taken
        // (an outgoing connection's local port): then try another, as any SIP stack binding both must.
        for (var attempt = 1; ; attempt++)
        {
            _udp = new Socket(_bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _udp.ReceiveBufferSize = 4 * 1024 * 1024;
            _udp.SendBufferSize = 4 * 1024 * 1024;
            _udp.Bind(_bind);
            LocalEndPoint = (IPEndPoint)_udp.LocalEndPoint!;
            _listener = new Socket(_bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _listener.Bind(LocalEndPoint);
                _listener.Listen(512);
                break;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && _bind.Port == 0 && attempt < 20)
            {
                _listener.Dispose();
                _udp.Dispose();
            }
        }
        StartThread(UdpLoop, "sip-udp");
        StartThread(WorkerLoop, "sip-worker");
        _loops.Add(Task.Run(AcceptLoopAsync));
        var sweep = _options.TcpIdleTimeout / 4 < TimeSpan.FromSeconds(5) ? _options.TcpIdleTimeout / 4 : TimeSpan.FromSeconds(5);
        _reaper = _time.CreateTimer(_ => Sweep(), null, sweep, sweep);
    }

    private void StartThread(Action loop, string name)
    {
        var done = new TaskCompletionSource();
        var thread = new Thread(() =>
        {
            try
            {
                loop();
            }
            finally
            {
                done.TrySetResult();
            }
        }) { IsBackground = true, Name = name };
        thread.Start();
        _loops.Add(done.Task);
    }

    /// <summary>
    /// Loads what the first message needs (parser, regex, encodings) while descriptors are plentiful: under exhaustion
    /// an assembly that cannot be opened would fail the first request instead.
    /// </summary>
    private static void WarmUp()
    {
        var sample = "OPTIONS sip:warm@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKwarm;rport\r\n"
                     + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\nCall-ID: warm\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                     + "Session-Expires: 90;refresher=uac\r\nContent-Length: 0\r\n\r\n";
        var parsed = SipMessageParser.Parse(System.Text.Encoding.ASCII.GetBytes(sample));
        if (parsed.Message is SipRequest request) _ = SipResponse.For(request, 200, toTag: SipIds.Tag()).ToBytes();
    }

    private void SendRaw(byte[] bytes, SipEndPoint remote)
    {
        if (remote.Transport == SipTransportKind.Tcp)
        {
            _ = SendTcpAsync(bytes, remote.Address, null);
            return;
        }
        try
        {
            _udp!.SendTo(bytes, SocketFlags.None, remote.Address);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "SIP datagram to {Remote} not sent", remote);
        }
    }

    public void Send(SipMessage message, SipEndPoint remote, Action<Exception>? onError = null)
    {
        var bytes = message.ToBytes();
        if (remote.Transport == SipTransportKind.Udp)
        {
            SendDatagram(message, bytes, remote, onError);
            return;
        }
        _ = SendTcpAsync(bytes, remote.Address, onError);
    }

    private void SendDatagram(SipMessage message, byte[] bytes, SipEndPoint remote, Action<Exception>? onError)
    {
        if (bytes.Length > MaxDatagramBytes)
        {
            // Too big for UDP (a registrar's 200 listing many contacts): say so, and never lose a response silently.
            _logger.LogWarning("SIP message of {Bytes} bytes to {Remote} does not fit a datagram", bytes.Length, remote);
            if (message is SipResponse { IsProvisional: false } response)
                bytes = SipResponse.TooLargeFallback(response).ToBytes();
            else
            {
                onError?.Invoke(new SocketException((int)SocketError.MessageSize));
                return;
            }
        }
        try
        {
            _udp!.SendTo(bytes, SocketFlags.None, remote.Address);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "SIP datagram to {Remote} not sent", remote);
            onError?.Invoke(e);
        }
    }

    private async Task SendTcpAsync(byte[] bytes, IPEndPoint remote, Action<Exception>? onError)
    {
        try
        {
            var connection = _connections.Find(remote) ?? await ConnectAsync(remote);
            await connection.WriteAsync(bytes, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            _logger.LogDebug(e, "SIP message to tcp:{Remote} not sent", remote);
            onError?.Invoke(e);
        }
    }

    private async Task<SipTcpConnection> ConnectAsync(IPEndPoint remote)
    {
        if (!_headroom.Allows()) throw new SocketException((int)SocketError.TooManyOpenSockets);
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(remote, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new SipTcpConnection(socket, remote, _time);
        if (_connections.TryAdd(connection))
        {
            _ = ReadLoopAsync(connection);
            return connection;
        }
        connection.Dispose();
        // Another send connected meanwhile, or the limit is reached.
        return _connections.Find(remote) ?? throw new SocketException((int)SocketError.TooManyOpenSockets);
    }

    private void UdpLoop()
    {
        var buffer = new byte[65535];
        var backoff = new LoopBackoff();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                EndPoint from = new IPEndPoint(_bind.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
                var length = _udp!.ReceiveFrom(buffer, SocketFlags.None, ref from);
                backoff.Succeed();
                var arrival = new Arrival(buffer.AsSpan(0, length).ToArray(), new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)from), _time.GetTimestamp());
                if (!_inbox.TryAdd(arrival)) Interlocked.Increment(ref _shed);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable
                                                or SocketError.NetworkUnreachable or SocketError.MessageSize)
            {
                // ICMP errors about an earlier send (reported on Linux by the next receive), or a datagram over our buffer.
            }
            catch (Exception e)
            {
                BackOff(backoff, e, "UDP receive");
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        var backoff = new LoopBackoff();
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(_stop.Token);
                backoff.Succeed();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                continue;   // the peer gave up before we took it
            }
            catch (Exception e)
            {
                // Out of descriptors (EMFILE) leaves the connection queued and the listener readable: wait, don't spin.
                await BackOffAsync(backoff, e, "TCP accept");
                continue;
            }
            Admit(socket);
        }
    }

    private void Admit(Socket socket)
    {
        try
        {
            socket.NoDelay = true;
            var connection = new SipTcpConnection(socket, (IPEndPoint)socket.RemoteEndPoint!, _time);
            if (_headroom.Allows() && _connections.TryAdd(connection))
            {
                _ = ReadLoopAsync(connection);
                return;
            }
            Interlocked.Increment(ref _refused);
            _logger.LogDebug("SIP TCP connection from {Remote} refused: connection or descriptor limit reached", connection.Remote);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Gone before we could look at it.
        }
        socket.Dispose();
    }

    /// <summary>
    /// Reads one connection until it closes. It waits for data with a zero-byte read and rents a buffer only to copy what
    /// arrived, so an idle connection holds no buffer; a message over the limit gets 513 and the connection is closed.
    /// </summary>
    private async Task ReadLoopAsync(SipTcpConnection connection)
    {
        using var framer = new SipStreamFramer(_options.MaxMessageBytes);
        var source = new SipEndPoint(SipTransportKind.Tcp, connection.Remote);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await connection.Socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, _stop.Token);
                var buffer = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
                int read;
                try
                {
                    read = await connection.Socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, _stop.Token);
                    framer.Append(buffer.AsSpan(0, read));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                if (read == 0) break;
                connection.Touch();
                while (framer.Next() is { } frame)
                    await _inbox.AddAsync(new Arrival(frame, source, _time.GetTimestamp()), _stop.Token);
                if (framer.Broken)
                {
                    Interlocked.Increment(ref _dropped);
                    // The 513 goes out on this connection before it closes: there is no other way back to a TCP peer.
                    if (framer.OversizedHeader is { } header && TooLarge(header, isDatagram: false) is { } tooLarge)
                        await connection.WriteAsync(tooLarge.ToBytes(), _stop.Token);
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away, or we closed it (idle, shutdown); nothing to answer.
        }
        catch (Exception e)
        {
            _logger.LogError(e, "SIP TCP connection from {Remote} failed", connection.Remote);
        }
        finally
        {
            _connections.Remove(connection);
            connection.Dispose();
        }
    }

    private void WorkerLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Deliver(_inbox.Take(_stop.Token));
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "SIP message handling failed; going on with the next message");
            }
        }
    }

    private void Deliver(Arrival arrival)
    {
        var data = arrival.Data.AsSpan();
        if (SipMessageParser.SkipLeadingLineBreaks(data) == data.Length) return;   // CRLF keep-alive (RFC 5626 §4.4.1)
        var queued = _time.GetElapsedTime(arrival.Timestamp);
        if (StatelessRejection.IsAckToRejection(data)) return;
        if (StatelessRejection.ReadNewInvite(data) is { } invite && !Admission.Admit(invite.CallId, queued))
        {
            SendRaw(StatelessRejection.ServiceUnavailable(invite, Admission.Options.RetryAfter), arrival.Source);
            return;
        }
        var isDatagram = arrival.Source.Transport == SipTransportKind.Udp;
        if (data.Length > _options.MaxMessageBytes)
        {
            Interlocked.Increment(ref _dropped);
            if (TooLarge(data, isDatagram) is { } tooLarge) Send(tooLarge, arrival.Source);
            return;
        }
        var result = SipMessageParser.Parse(data, isDatagram, _limits);
        if (!result.Success)
        {
            Interlocked.Increment(ref _dropped);
            if (ErrorResponse(result.Error) is { } response) Send(response, arrival.Source);
            return;
        }
        if (result.Message is SipRequest request) StampVia(request, arrival.Source);
        try
        {
            MessageReceived?.Invoke(result.Message, arrival.Source, queued);
        }
        catch (Exception e)
        {
            // A handler bug must not stop the worker; the transaction timers clean up.
            _logger.LogError(e, "SIP handler failed on a message from {Source}", arrival.Source);
        }
    }

    /// <summary>The 513 for a message over <see cref="SipTransportOptions.MaxMessageBytes"/>, read from its header section.</summary>
    private SipResponse? TooLarge(ReadOnlySpan<byte> message, bool isDatagram)
    {
        var headerOnly = SipMessageParser.Parse(message, isDatagram, _limits with { MaxBodyBytes = int.MaxValue });
        var headers = headerOnly.Message?.Headers ?? headerOnly.Error?.Headers;
        var isRequest = headerOnly.Message is SipRequest || headerOnly.Error?.IsRequest == true;
        return ErrorResponse(new SipParseError($"message over {_options.MaxMessageBytes} octets", isRequest, headers, 513));
    }

    /// <summary>The answer to a request that could not be taken (400, 416, 513) when its core headers were readable; never to an ACK.</summary>
    private static SipResponse? ErrorResponse(SipParseError error)
    {
        var headers = error.Headers;
        if (!error.IsRequest || headers is null) return null;
        if (headers[SipHeaderNames.Via] is null || headers[SipHeaderNames.From] is null || headers[SipHeaderNames.To] is null
            || headers[SipHeaderNames.CallId] is null || headers[SipHeaderNames.CSeq] is null) return null;
        if (headers[SipHeaderNames.CSeq]!.Contains(SipMethods.Ack, StringComparison.OrdinalIgnoreCase)) return null;
        var reason = error.Reason.Replace('\r', ' ').Replace('\n', ' ');
        return SipResponse.ForHeaders(headers, error.StatusCode, $"{SipReasons.For(error.StatusCode)} ({(reason.Length > 80 ? reason[..80] : reason)})");
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

    /// <summary>Keeps the TCP connection to <paramref name="remote"/> open (a dialog uses it) until <see cref="Release"/>.</summary>
    public void Hold(SipEndPoint remote)
    {
        if (remote.Transport == SipTransportKind.Tcp) _connections.Find(remote.Address)?.Pin();
    }

    public void Release(SipEndPoint remote)
    {
        if (remote.Transport == SipTransportKind.Tcp) _connections.Find(remote.Address)?.Unpin();
    }

    /// <summary>Keeps the TCP connection to <paramref name="remote"/> open through <paramref name="until"/> (a registration's expiry).</summary>
    public void KeepOpenUntil(SipEndPoint remote, DateTimeOffset until)
    {
        if (remote.Transport == SipTransportKind.Tcp) _connections.Find(remote.Address)?.KeepUntil(until);
    }

    /// <summary>The periodic sweep: idle connections closed, old admitted Call-IDs forgotten.</summary>
    private void Sweep()
    {
        try
        {
            Admission.Forget();
            foreach (var connection in _connections.Snapshot())
            {
                if (!connection.IsIdle(_options.TcpIdleTimeout)) continue;
                _logger.LogDebug("SIP TCP connection from {Remote} closed after {Idle} idle", connection.Remote, _options.TcpIdleTimeout);
                connection.Dispose();   // its read loop ends and unregisters it
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "SIP transport sweep failed");
        }
    }

    private async Task BackOffAsync(LoopBackoff backoff, Exception error, string loop)
    {
        try
        {
            await Task.Delay(Report(backoff, error, loop), _stop.Token);   // real time: this paces the machine, not the protocol
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private void BackOff(LoopBackoff backoff, Exception error, string loop) => _stop.Token.WaitHandle.WaitOne(Report(backoff, error, loop));

    private TimeSpan Report(LoopBackoff backoff, Exception error, string loop)
    {
        Interlocked.Increment(ref _loopFailures);
        var wait = backoff.Fail();
        if (backoff.Failures == 1) _logger.LogWarning(error, "SIP {Loop} failed; backing off and retrying", loop);
        else _logger.LogDebug(error, "SIP {Loop} failed again ({Failures} in a row)", loop, backoff.Failures);
        return wait;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        _reaper?.Dispose();
        _udp?.Dispose();
        _listener?.Dispose();
        foreach (var connection in _connections.Snapshot()) connection.Dispose();
        try
        {
            await Task.WhenAll(_loops.ToArray()).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception)
        {
            // Loops end with cancellation or disposal; nothing to report on shutdown.
        }
    }

    /// <summary>Bytes as they arrived, from where, and when (for the queueing delay).</summary>
    private sealed record Arrival(byte[] Data, SipEndPoint Source, long Timestamp);
}
