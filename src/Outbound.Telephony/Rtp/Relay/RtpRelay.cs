using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Sessions;

namespace Outbound.Telephony.Rtp.Relay;

/// <summary>Sees every packet the relay forwards, before rewriting (for recording or AMD); must not block.</summary>
public delegate void RelayTap(RecordingLeg from, in RtpHeader header, ReadOnlySpan<byte> payload);

/// <summary>
/// Bridges the media of two call legs: one UDP socket faces each peer, and every packet from one peer is
/// forwarded to the other at once (no jitter buffer) with its SSRC, sequence number and timestamp
/// rewritten into one continuous stream per direction and the marker bit on a source switch
/// (<see cref="RtpStreamRewriter"/>). Symmetric RTP: each side is sent to where its packets come from,
/// the SDP address being only the first guess. When both legs' formats are known and differ (PCMU on
/// one, PCMA on the other; other telephone-event numbers) audio is transcoded and payload types mapped,
/// in place like the rest: no allocation per packet.
/// </summary>
public sealed class RtpRelay : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly Side[] _sides;
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _inactivityTimeout;
    private readonly ITimer _inactivityTimer;
    private Task[] _loops = [];

    private RtpRelay(TimeProvider time, TimeSpan inactivityTimeout, Socket a, Socket b)
    {
        _time = time;
        _inactivityTimeout = inactivityTimeout;
        var ssrcA = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        var ssrcB = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        _sides =
        [
            new Side(a, new RtpStreamRewriter(ssrcA, (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.NextInt64(uint.MaxValue))),
            new Side(b, new RtpStreamRewriter(ssrcB, (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.NextInt64(uint.MaxValue))),
        ];
        foreach (var side in _sides) side.MarkActive(time.GetTimestamp());
        var check = inactivityTimeout / 4;
        _inactivityTimer = time.CreateTimer(_ => CheckInactivity(), null, check, check);
    }

    /// <summary>Binds the two sockets on even ports (in <paramref name="ports"/> if given) and starts forwarding.</summary>
    /// <param name="inactivityTimeout">No packet from a leg for this long raises <see cref="InactivityTimedOut"/> (default 30 s).</param>
    public static RtpRelay Start(IPAddress bindAddress, TimeProvider? time = null, TimeSpan? inactivityTimeout = null, RtpPortRange? ports = null)
    {
        var relay = new RtpRelay(time ?? TimeProvider.System, inactivityTimeout ?? TimeSpan.FromSeconds(30),
            RtpPorts.BindEven(bindAddress, ports), RtpPorts.BindEven(bindAddress, ports));
        relay._loops = [Task.Run(() => relay.ForwardAsync(RecordingLeg.A)), Task.Run(() => relay.ForwardAsync(RecordingLeg.B))];
        return relay;
    }

    /// <summary>Our address facing a leg's peer: put it in the SDP sent to that peer.</summary>
    public IPEndPoint LocalEndPoint(RecordingLeg leg) => (IPEndPoint)_sides[(int)leg].Socket.LocalEndPoint!;

    /// <summary>The address a leg's packets go to (from SDP, replaced by the peer's real source once it sends).</summary>
    public void SetRemote(RecordingLeg leg, IPEndPoint remote)
    {
        var side = _sides[(int)leg];
        side.Remote = remote.Serialize();
    }

    public RelayTap? Tap { get; set; }

    /// <summary>What a leg negotiated; with both legs set, payload types are mapped and G.711 laws converted.</summary>
    public void SetFormat(RecordingLeg leg, RelayLegFormat format) => _sides[(int)leg].Format = format;

    /// <summary>Raised once per leg whose peer sent nothing for the inactivity timeout (a dead phone, a lost BYE).</summary>
    public event Action<RecordingLeg>? InactivityTimedOut;

    public long PacketsRelayed => _sides[0].Forwarded + _sides[1].Forwarded;
    /// <summary>Packets not forwarded: not RTP, or the other side's address still unknown.</summary>
    public long PacketsDropped => _sides[0].Dropped + _sides[1].Dropped;
    /// <summary>Sources seen in the stream sent towards a leg (more than one means a switch happened).</summary>
    public int SourcesTowards(RecordingLeg leg) => _sides[(int)leg].Rewriter.SourceCount;

    private async Task ForwardAsync(RecordingLeg from)
    {
        var inbound = _sides[(int)from];
        var outbound = _sides[1 - (int)from];
        var buffer = new byte[2048];
        var source = new SocketAddress(inbound.Socket.AddressFamily);
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await inbound.Socket.ReceiveFromAsync(buffer, SocketFlags.None, source, _stop.Token);
            }
            catch (OperationCanceledException) { break; }
            catch (ObjectDisposedException) { break; }
            catch (SocketException) { continue; }
            if (!RtpHeader.TryRead(buffer.AsSpan(0, length), out var header))
            {
                inbound.CountDropped();
                continue;
            }
            inbound.MarkActive(_time.GetTimestamp());
            inbound.Latch(source);
            Tap?.Invoke(from, header, buffer.AsSpan(header.PayloadOffset, header.PayloadLength));
            var target = outbound.Remote;
            if (target is null)
            {
                inbound.CountDropped();
                continue;
            }
            if (!Translate(inbound.Format, outbound.Format, header, buffer.AsSpan(0, length)))
            {
                inbound.CountDropped();
                continue;
            }
            var rewritten = outbound.Rewriter.Rewrite(header, _time.GetElapsedTime(0));
            RtpHeader.Rewrite(buffer, rewritten.Marker, rewritten.SequenceNumber, rewritten.Timestamp, rewritten.Ssrc);
            try
            {
                // A UDP send completes at once (the datagram is copied to the kernel): the synchronous call
                // saves the async machinery on the hot path.
                outbound.Socket.SendTo(buffer.AsSpan(0, length), SocketFlags.None, target);
                inbound.CountForwarded();
            }
            catch (ObjectDisposedException) { break; }
            catch (SocketException) { inbound.CountDropped(); }
        }
    }

    /// <summary>
    /// Maps a packet from the inbound leg's formats to the outbound leg's: audio gets the outbound payload
    /// type (and law), telephone-event its number there. False: the other side cannot take it (no
    /// telephone-event negotiated). Unknown formats or payload types pass untouched.
    /// </summary>
    private static bool Translate(RelayLegFormat? from, RelayLegFormat? to, in RtpHeader header, Span<byte> packet)
    {
        if (from is null || to is null) return true;
        if (header.PayloadType == from.PayloadType)
        {
            G711Transcoder.Transcode(from.Law, to.Law, packet.Slice(header.PayloadOffset, header.PayloadLength));
            SetPayloadType(packet, to.PayloadType);
        }
        else if (header.PayloadType == from.TelephoneEventPayloadType)
        {
            if (to.TelephoneEventPayloadType is not { } telephoneEvent) return false;
            SetPayloadType(packet, telephoneEvent);
        }
        return true;
    }

    private static void SetPayloadType(Span<byte> packet, int payloadType) => packet[1] = (byte)((packet[1] & 0x80) | payloadType);

    private void CheckInactivity()
    {
        for (var leg = 0; leg < _sides.Length; leg++)
            if (_sides[leg].TimedOut(_time, _inactivityTimeout))
                InactivityTimedOut?.Invoke((RecordingLeg)leg);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _inactivityTimer.DisposeAsync();
        foreach (var side in _sides) side.Socket.Dispose();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    /// <summary>One face of the relay: its socket, where its peer is, and the rewriter of the stream sent to it.</summary>
    private sealed class Side(Socket socket, RtpStreamRewriter rewriter)
    {
        private long _forwarded;
        private long _dropped;
        private long _lastActiveAt;
        private int _timedOut;
        private volatile SocketAddress? _remote;
        private volatile RelayLegFormat? _format;

        public Socket Socket { get; } = socket;

        public RelayLegFormat? Format
        {
            get => _format;
            set => _format = value;
        }
        public RtpStreamRewriter Rewriter { get; } = rewriter;
        public long Forwarded => Interlocked.Read(ref _forwarded);
        public long Dropped => Interlocked.Read(ref _dropped);

        public SocketAddress? Remote
        {
            get => _remote;
            set => _remote = value;
        }

        public void CountForwarded() => Interlocked.Increment(ref _forwarded);
        public void CountDropped() => Interlocked.Increment(ref _dropped);
        public void MarkActive(long timestamp) => Interlocked.Exchange(ref _lastActiveAt, timestamp);

        /// <summary>True exactly once: the first time the peer has been silent for the timeout.</summary>
        public bool TimedOut(TimeProvider time, TimeSpan timeout) =>
            time.GetElapsedTime(Interlocked.Read(ref _lastActiveAt)) >= timeout && Interlocked.Exchange(ref _timedOut, 1) == 0;

        /// <summary>Symmetric RTP: follow the peer to the address its packets come from.</summary>
        public void Latch(SocketAddress source)
        {
            var current = _remote;
            if (current is not null && current.Equals(source)) return;
            var copy = new SocketAddress(source.Family, source.Size);
            source.Buffer.CopyTo(copy.Buffer);
            _remote = copy;
        }
    }
}
