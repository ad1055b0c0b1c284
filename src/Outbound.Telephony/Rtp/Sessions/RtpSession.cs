using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Dtmf;
using Outbound.Telephony.Rtp.Prompts;
using Outbound.Telephony.Rtp.Relay;
using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Rtp.Sessions;

/// <summary>Receives a packet; the payload is valid only during the call.</summary>
public delegate void RtpPacketHandler(in RtpHeader header, ReadOnlySpan<byte> payload);

/// <summary>
/// One call leg's RTP over a UDP socket (RFC 3550). Symmetric RTP (RFC 4961): packets go to the address
/// the peer's packets come from, which replaces the SDP address once the first packet arrives (the peer
/// may be behind NAT); a different source later is followed only once it has sent a few packets in sequence. Decodes G.711 audio, turns RFC 4733 events into digits, sends audio, prompts and
/// DTMF, and reports inactivity. Bridged to another session (<see cref="BridgeTo"/>), every packet it
/// receives is forwarded at once out of the other session's socket. Everything sent to the peer, our
/// own media and forwarded media alike, passes one <see cref="RtpStreamRewriter"/>: one SSRC, continuous
/// sequence numbers and timestamps, and the marker bit whenever the source changes.
/// </summary>
public sealed class RtpSession : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly TimeProvider _time;
    private readonly DtmfReceiver _dtmf = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _mediaLock = new(1, 1);
    private readonly Lock _sendGate = new();
    private readonly RtpStreamRewriter _output;
    private readonly uint _ownSource;
    private readonly ITimer _inactivityTimer;
    private volatile RtpSessionOptions _options;
    private volatile RelayLegFormat _format;
    private volatile SocketAddress? _remote;
    private volatile bool _learned;
    private SocketAddress? _candidate;
    private uint _candidateSsrc;
    private ushort _candidateSequence;
    private int _candidatePackets;
    private volatile RtpSession? _bridgedTo;
    private Task _receiveLoop = Task.CompletedTask;
    private long _lastReceivedAt;
    private int _inactivityRaised;
    private int _started;
    private int _ownMediaPlaying;
    private ushort _sequence;
    private uint _timestamp;
    private long _packetsReceived;
    private long _packetsSent;
    private long _packetsForwarded;
    private long _packetsDropped;

    private RtpSession(Socket socket, TimeProvider time, RtpSessionOptions options)
    {
        _socket = socket;
        _time = time;
        _options = options;
        _format = FormatOf(options);
        _output = new RtpStreamRewriter(
            (uint)Random.Shared.NextInt64(1, uint.MaxValue), (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.NextInt64(uint.MaxValue));
        _ownSource = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
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
    public IPEndPoint? RemoteEndPoint => _remote is { } remote
        ? (IPEndPoint)new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(remote)
        : null;

    /// <summary>The SSRC of everything this session sends (RFC 3550 §8: one per stream, whatever the source).</summary>
    public uint Ssrc => _output.OutputSsrc;
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);
    public long PacketsSent => Interlocked.Read(ref _packetsSent);
    /// <summary>Packets sent that came from the bridged session.</summary>
    public long PacketsForwarded => Interlocked.Read(ref _packetsForwarded);
    /// <summary>Datagrams that were not RTP, and bridged packets not sent (no address yet, format not negotiated, our prompt or DTMF playing).</summary>
    public long PacketsDropped => Interlocked.Read(ref _packetsDropped);
    /// <summary>Sources seen in what we sent (ours, the bridged peer's …): more than one means a switch.</summary>
    public int SourcesSent => _output.SourceCount;

    /// <summary>Every valid RTP packet, before it is decoded.</summary>
    public event RtpPacketHandler? PacketReceived;
    /// <summary>Decoded audio of each packet of the negotiated law, with its RTP timestamp.</summary>
    public event Action<uint, short[]>? AudioReceived;
    public event Action<DtmfDigitReceived>? DtmfReceived;
    /// <summary>Raised once when no packet arrived for <see cref="RtpSessionOptions.InactivityTimeout"/>.</summary>
    public event Action? InactivityTimedOut;

    /// <summary>Packets in sequence a new source must send before we follow it (strict RTP: one stray datagram cannot steal the stream).</summary>
    public const int PacketsToLearnNewSource = 3;

    /// <summary>Sets the address from signalling; the first packet received then decides where we really send.</summary>
    public void SetRemote(IPEndPoint remote)
    {
        _remote = remote.Serialize();
        _learned = false;
    }

    /// <summary>Applies an offer/answer outcome (also on a re-INVITE): law, payload types and the SDP address.</summary>
    public void Apply(NegotiatedAudio audio)
    {
        SetFormat(new RelayLegFormat(audio.Law, audio.PayloadType, audio.TelephoneEventPayloadType));
        SetRemote(audio.Remote);
    }

    /// <summary>Sets the payload formats this leg negotiated.</summary>
    public void SetFormat(RelayLegFormat format)
    {
        _options = _options with { Law = format.Law, PayloadType = format.PayloadType, TelephoneEventPayloadType = format.TelephoneEventPayloadType };
        _format = format;
    }

    /// <summary>
    /// Connects this leg's media with <paramref name="other"/>'s, both ways, converting between their
    /// formats; dispose the result to part them. Our own prompts and DTMF can still be sent meanwhile.
    /// </summary>
    public IDisposable BridgeTo(RtpSession other)
    {
        if (ReferenceEquals(other, this)) throw new ArgumentException("a session cannot be bridged to itself", nameof(other));
        _bridgedTo = other;
        other._bridgedTo = this;
        return new Bridge(this, other);
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
            var packet = buffer.AsSpan(0, length);
            if (!RtpHeader.TryRead(packet, out var header))
            {
                Interlocked.Increment(ref _packetsDropped);
                continue;
            }
            Interlocked.Increment(ref _packetsReceived);
            Interlocked.Exchange(ref _lastReceivedAt, _time.GetTimestamp());
            if (!Latch(from, header))
            {
                Interlocked.Increment(ref _packetsDropped);
                continue;
            }
            Dispatch(header, packet.Slice(header.PayloadOffset, header.PayloadLength));
            _bridgedTo?.Forward(header, packet, _format);
        }
    }

    /// <summary>
    /// Symmetric RTP with learning (the "strict RTP" of common PBXs): the first packet after signalling sets
    /// the address we send to; later, another source is followed only after <see cref="PacketsToLearnNewSource"/>
    /// packets in sequence from it (the phone moved, a NAT rebinding) and its packets are dropped until then.
    /// Runs on the receive loop only.
    /// </summary>
    private bool Latch(SocketAddress source, in RtpHeader header)
    {
        var current = _remote;
        if (_learned && current is not null && current.Equals(source))
        {
            _candidate = null;
            return true;
        }
        if (_learned)
        {
            var continues = _candidate is not null && _candidate.Equals(source) && header.Ssrc == _candidateSsrc
                && header.SequenceNumber == (ushort)(_candidateSequence + 1);
            _candidatePackets = continues ? _candidatePackets + 1 : 1;
            if (!continues) _candidate = Copy(source);
            _candidateSsrc = header.Ssrc;
            _candidateSequence = header.SequenceNumber;
            if (_candidatePackets < PacketsToLearnNewSource) return false;
        }
        _remote = Copy(source);
        _learned = true;
        _candidate = null;
        return true;
    }

    private static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.CopyTo(copy.Buffer);
        return copy;
    }

    private void Dispatch(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        PacketReceived?.Invoke(header, payload);
        var options = _options;
        if (header.PayloadType == options.TelephoneEventPayloadType)
        {
            if (DtmfReceived is { } dtmf)
                foreach (var digit in _dtmf.Receive(header.Timestamp, payload)) dtmf(digit);
        }
        else if (header.PayloadType == options.PayloadType && AudioReceived is { } audio)
        {
            var samples = new short[payload.Length];
            options.Law.Decode(payload, samples);
            audio(header.Timestamp, samples);
        }
    }

    /// <summary>Sends a packet the bridged session received, converted from its leg's formats to ours.</summary>
    private void Forward(in RtpHeader header, Span<byte> packet, RelayLegFormat from)
    {
        if (RtpFormatTranslator.Translate(from, _format, header, packet) && Send(header, packet, forwarded: true))
            Interlocked.Increment(ref _packetsForwarded);
        else
            Interlocked.Increment(ref _packetsDropped);
    }

    /// <summary>Rewrites the packet into our outgoing stream and sends it (UDP sends complete at once: no async on this path).</summary>
    private bool Send(in RtpHeader header, Span<byte> packet, bool forwarded = false)
    {
        if (_remote is not { } remote) return false;
        lock (_sendGate)
        {
            // Our prompt or DTMF has the floor: interleaving would garble both (and rebase the event's timestamp).
            if (forwarded && _ownMediaPlaying > 0) return false;
            var rewritten = _output.Rewrite(header, _time.GetElapsedTime(0));
            RtpHeader.Rewrite(packet, rewritten.Marker, rewritten.SequenceNumber, rewritten.Timestamp, rewritten.Ssrc);
            try
            {
                _socket.SendTo(packet, SocketFlags.None, remote);
            }
            catch (SocketException) { return false; }
            catch (ObjectDisposedException) { return false; }
        }
        Interlocked.Increment(ref _packetsSent);
        return true;
    }

    /// <summary>Sends one of our own packets (audio or DTMF), numbered in our own source's sequence.</summary>
    private void SendOwn(bool marker, int payloadType, uint timestamp, Span<byte> packet)
    {
        RtpHeader.WriteFixed(packet, marker, (byte)payloadType, _sequence++, timestamp, _ownSource);
        RtpHeader.TryRead(packet, out var header);
        Send(header, packet);
    }

    /// <summary>Encodes and sends one frame of audio; the timestamp advances by its sample count.</summary>
    public async ValueTask SendAudioAsync(ReadOnlyMemory<short> samples, bool marker = false, CancellationToken cancellationToken = default)
    {
        var packet = new byte[RtpPacket.FixedHeaderLength + samples.Length];
        await _mediaLock.WaitAsync(cancellationToken);
        try
        {
            var options = _options;
            options.Law.Encode(samples.Span, packet.AsSpan(RtpPacket.FixedHeaderLength));
            SendOwn(marker, options.PayloadType, _timestamp, packet);
            _timestamp += (uint)samples.Length;
        }
        finally { _mediaLock.Release(); }
    }

    /// <summary>
    /// Plays frames (see <see cref="PromptPlayer"/>) paced on this session's clock; the first carries the
    /// marker bit. While it plays, media from a bridged session is held back (not mixed).
    /// </summary>
    public async Task<int> PlayAsync(IReadOnlyList<short[]> frames, CancellationToken cancellationToken = default)
    {
        TakeFloor(+1);
        try
        {
            return await new PromptPlayer(_time).PlayAsync(frames, (frame, first, ct) => SendAudioAsync(frame, first, ct), cancellationToken);
        }
        finally { TakeFloor(-1); }
    }

    /// <summary>
    /// Sends one digit as RFC 4733 events paced every 20 ms on this session's clock (§2.5.1): one start
    /// timestamp, growing duration, three end packets. Our own audio sent meanwhile waits, and media from a
    /// bridged session is held back.
    /// </summary>
    public async Task SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var payloadType = _options.TelephoneEventPayloadType ?? throw new InvalidOperationException("telephone-event was not negotiated");
        var plan = DtmfPacketPlan.For(digit, duration);
        await _mediaLock.WaitAsync(cancellationToken);
        TakeFloor(+1);
        try
        {
            var eventTimestamp = _timestamp;
            var started = _time.GetTimestamp();
            foreach (var step in plan)
            {
                var wait = step.Delay - _time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
                var packet = new byte[RtpPacket.FixedHeaderLength + TelephoneEvent.Length];
                step.Payload.WriteTo(packet.AsSpan(RtpPacket.FixedHeaderLength));
                SendOwn(step.Marker, payloadType, eventTimestamp, packet);
            }
            _timestamp = eventTimestamp + plan[^1].Payload.Duration;
        }
        finally
        {
            TakeFloor(-1);
            _mediaLock.Release();
        }
    }

    /// <summary>Counts our own media in progress, under the send gate so no forwarded packet slips in after it starts.</summary>
    private void TakeFloor(int change)
    {
        lock (_sendGate) _ownMediaPlaying += change;
    }

    private void CheckInactivity()
    {
        var idle = _time.GetElapsedTime(Interlocked.Read(ref _lastReceivedAt));
        if (idle >= _options.InactivityTimeout && Interlocked.Exchange(ref _inactivityRaised, 1) == 0)
            InactivityTimedOut?.Invoke();
    }

    private static RelayLegFormat FormatOf(RtpSessionOptions options) =>
        new(options.Law, options.PayloadType, options.TelephoneEventPayloadType);

    public async ValueTask DisposeAsync()
    {
        if (_bridgedTo is { } other)
        {
            other._bridgedTo = null;
            _bridgedTo = null;
        }
        await _stop.CancelAsync();
        await _inactivityTimer.DisposeAsync();
        _socket.Dispose();
        await _receiveLoop;
        _stop.Dispose();
        _mediaLock.Dispose();
    }

    /// <summary>Parts two bridged sessions (only if they are still bridged to each other).</summary>
    private sealed class Bridge(RtpSession a, RtpSession b) : IDisposable
    {
        public void Dispose()
        {
            if (ReferenceEquals(a._bridgedTo, b)) a._bridgedTo = null;
            if (ReferenceEquals(b._bridgedTo, a)) b._bridgedTo = null;
        }
    }
}
