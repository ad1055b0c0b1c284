using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Dtmf;
using Outbound.Telephony.Rtp.Prompts;
using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Rtp.Sessions;

/// <summary>Receives a packet; the payload is valid only during the call.</summary>
public delegate void RtpPacketHandler(in RtpHeader header, ReadOnlySpan<byte> payload);

/// <summary>
/// One RTP stream pair over a UDP socket (RFC 3550). Symmetric RTP (RFC 4961): packets are sent to the
/// address the peer's packets come from, which replaces the SDP address once the first packet arrives
/// (the peer may be behind NAT). Decodes G.711 audio, turns RFC 4733 events into digits, sends audio,
/// prompts and DTMF with one SSRC and continuous sequence and timestamp, and reports inactivity.
/// </summary>
public sealed class RtpSession : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly TimeProvider _time;
    private volatile RtpSessionOptions _options;
    private readonly DtmfReceiver _dtmf = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ITimer _inactivityTimer;
    private long _lastReceivedAt;
    private int _inactivityRaised;
    private ushort _sequence;
    private uint _timestamp;
    private Task _receiveLoop = Task.CompletedTask;
    private volatile IPEndPoint? _remote;
    private long _packetsReceived;
    private long _packetsSent;
    private int _started;

    private RtpSession(Socket socket, TimeProvider time, RtpSessionOptions options)
    {
        _socket = socket;
        _time = time;
        _options = options;
        Ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        _sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
        _timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
        _lastReceivedAt = time.GetTimestamp();
        var check = options.InactivityTimeout / 4;
        _inactivityTimer = time.CreateTimer(_ => CheckInactivity(), null, check, check);
    }

    /// <summary>
    /// Binds a UDP socket: the given port, or with port 0 an even port (in <paramref name="ports"/> if given).
    /// Call <see cref="Start"/> to begin receiving.
    /// </summary>
    public static RtpSession Open(IPEndPoint bind, RtpSessionOptions? options = null, TimeProvider? time = null, RtpPortRange? ports = null)
    {
        Socket socket;
        if (bind.Port == 0) socket = RtpPorts.BindEven(bind.Address, ports);
        else
        {
            socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(bind);
        }
        return new RtpSession(socket, time ?? TimeProvider.System, options ?? new RtpSessionOptions());
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;
    /// <summary>Where we send: the SDP address until the peer's first packet, then wherever its packets come from.</summary>
    public IPEndPoint? RemoteEndPoint => _remote;
    public uint Ssrc { get; }
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Every valid RTP packet, before it is decoded.</summary>
    public event RtpPacketHandler? PacketReceived;
    /// <summary>Decoded audio of each packet of the negotiated law, with its RTP timestamp.</summary>
    public event Action<uint, short[]>? AudioReceived;
    public event Action<DtmfDigitReceived>? DtmfReceived;
    /// <summary>Raised once when no packet arrived for <see cref="RtpSessionOptions.InactivityTimeout"/>.</summary>
    public event Action? InactivityTimedOut;

    public void SetRemote(IPEndPoint remote) => _remote = remote;

    /// <summary>Applies an offer/answer outcome (also on a re-INVITE): law, payload types and the SDP address.</summary>
    public void Apply(NegotiatedAudio audio)
    {
        _options = _options with { Law = audio.Law, PayloadType = audio.PayloadType, TelephoneEventPayloadType = audio.TelephoneEventPayloadType };
        _remote = audio.Remote;
    }

    /// <summary>Starts receiving; calling it again (a re-INVITE applied to a running session) changes nothing.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(_socket.AddressFamily);
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, _stop.Token);
            }
            catch (OperationCanceledException) { break; }
            catch (ObjectDisposedException) { break; }
            catch (SocketException) { continue; } // ICMP port unreachable from an earlier send: keep listening.
            var data = buffer.AsSpan(0, length);
            if (!RtpHeader.TryRead(data, out var header)) continue;
            Interlocked.Increment(ref _packetsReceived);
            Interlocked.Exchange(ref _lastReceivedAt, _time.GetTimestamp());
            var source = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from);
            if (!source.Equals(_remote)) _remote = source;
            Dispatch(header, data.Slice(header.PayloadOffset, header.PayloadLength));
        }
    }

    private void Dispatch(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        PacketReceived?.Invoke(header, payload);
        var options = _options;
        if (header.PayloadType == options.TelephoneEventPayloadType)
        {
            foreach (var digit in _dtmf.Receive(header.Timestamp, payload)) DtmfReceived?.Invoke(digit);
        }
        else if (header.PayloadType == options.PayloadType && AudioReceived is { } audio)
        {
            var samples = new short[payload.Length];
            options.Law.Decode(payload, samples);
            audio(header.Timestamp, samples);
        }
    }

    /// <summary>Encodes and sends one frame of audio; the timestamp advances by its sample count.</summary>
    public async ValueTask SendAudioAsync(ReadOnlyMemory<short> samples, bool marker = false, CancellationToken cancellationToken = default)
    {
        var packet = new byte[RtpPacket.FixedHeaderLength + samples.Length];
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            var options = _options;
            RtpHeader.WriteFixed(packet, marker, (byte)options.PayloadType, _sequence++, _timestamp, Ssrc);
            options.Law.Encode(samples.Span, packet.AsSpan(RtpPacket.FixedHeaderLength));
            _timestamp += (uint)samples.Length;
            await SendRawAsync(packet, cancellationToken);
        }
        finally { _sendLock.Release(); }
    }

    /// <summary>Plays frames (see <see cref="PromptPlayer"/>) paced on this session's clock; the first carries the marker bit.</summary>
    public Task<int> PlayAsync(IReadOnlyList<short[]> frames, CancellationToken cancellationToken = default) =>
        new PromptPlayer(_time).PlayAsync(frames, (frame, first, ct) => SendAudioAsync(frame, first, ct), cancellationToken);

    /// <summary>
    /// Sends one digit as RFC 4733 events paced every 20 ms on this session's clock (§2.5.1): one start
    /// timestamp, growing duration, three end packets. Audio sent meanwhile waits.
    /// </summary>
    public async Task SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var payloadType = _options.TelephoneEventPayloadType ?? throw new InvalidOperationException("telephone-event was not negotiated");
        var plan = DtmfPacketPlan.For(digit, duration);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            var eventTimestamp = _timestamp;
            var started = _time.GetTimestamp();
            foreach (var step in plan)
            {
                var wait = step.Delay - _time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
                var packet = new byte[RtpPacket.FixedHeaderLength + TelephoneEvent.Length];
                RtpHeader.WriteFixed(packet, step.Marker, (byte)payloadType, _sequence++, eventTimestamp, Ssrc);
                step.Payload.WriteTo(packet.AsSpan(RtpPacket.FixedHeaderLength));
                await SendRawAsync(packet, cancellationToken);
            }
            _timestamp = eventTimestamp + plan[^1].Payload.Duration;
        }
        finally { _sendLock.Release(); }
    }

    /// <summary>Sends a ready-made datagram (for example a relayed or test packet) to the current remote.</summary>
    public async ValueTask SendRawAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken = default)
    {
        if (_remote is not { } remote) return;
        await _socket.SendToAsync(datagram, SocketFlags.None, remote, cancellationToken);
        Interlocked.Increment(ref _packetsSent);
    }

    private void CheckInactivity()
    {
        var idle = _time.GetElapsedTime(Interlocked.Read(ref _lastReceivedAt));
        if (idle >= _options.InactivityTimeout && Interlocked.Exchange(ref _inactivityRaised, 1) == 0)
            InactivityTimedOut?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _inactivityTimer.DisposeAsync();
        _socket.Dispose();
        await _receiveLoop;
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
