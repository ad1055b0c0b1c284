using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Rtp.Recording;

namespace Outbound.Telephony.Rtp.Relay;

/// <summary>Sees every packet the relay forwards, before rewriting (for recording or AMD); must not block.</summary>
public delegate void RelayTap(RecordingLeg from, in RtpHeader header, ReadOnlySpan<byte> payload);

/// <summary>
/// Bridges the media of two call legs: one UDP socket faces each peer, and every packet from one peer is
/// forwarded to the other at once (no jitter buffer) with its SSRC, sequence number and timestamp
/// rewritten into one continuous stream per direction and the marker bit on a source switch
/// (<see cref="RtpStreamRewriter"/>). Symmetric RTP: each side is sent to where its packets come from,
/// the SDP address being only the first guess. Forwarding rewrites in place: no allocation per packet.
/// </summary>
public sealed class RtpRelay : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly Side[] _sides;
    private readonly CancellationTokenSource _stop = new();
    private Task[] _loops = [];

    private RtpRelay(TimeProvider time, Socket a, Socket b)
    {
        _time = time;
        var ssrcA = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        var ssrcB = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        _sides =
        [
            new Side(a, new RtpStreamRewriter(ssrcA, (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.NextInt64(uint.MaxValue))),
            new Side(b, new RtpStreamRewriter(ssrcB, (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.NextInt64(uint.MaxValue))),
        ];
    }

    /// <summary>Binds the two sockets (port 0: any free port) and starts forwarding.</summary>
    public static RtpRelay Start(IPAddress bindAddress, TimeProvider? time = null, int receiveBufferBytes = 256 * 1024)
    {
        Socket Bind()
        {
            var socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = receiveBufferBytes };
            socket.Bind(new IPEndPoint(bindAddress, 0));
            return socket;
        }
        var relay = new RtpRelay(time ?? TimeProvider.System, Bind(), Bind());
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

    public long PacketsRelayed => Interlocked.Read(ref _sides[0].Forwarded) + Interlocked.Read(ref _sides[1].Forwarded);
    /// <summary>Packets not forwarded: not RTP, or the other side's address still unknown.</summary>
    public long PacketsDropped => Interlocked.Read(ref _sides[0].Dropped) + Interlocked.Read(ref _sides[1].Dropped);
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
                Interlocked.Increment(ref inbound.Dropped);
                continue;
            }
            inbound.Latch(source);
            Tap?.Invoke(from, header, buffer.AsSpan(header.PayloadOffset, header.PayloadLength));
            var target = outbound.Remote;
            if (target is null)
            {
                Interlocked.Increment(ref inbound.Dropped);
                continue;
            }
            var rewritten = outbound.Rewriter.Rewrite(header, _time.GetElapsedTime(0));
            RtpHeader.Rewrite(buffer, rewritten.Marker, rewritten.SequenceNumber, rewritten.Timestamp, rewritten.Ssrc);
            try
            {
                await outbound.Socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, target, _stop.Token);
                Interlocked.Increment(ref inbound.Forwarded);
            }
            catch (OperationCanceledException) { break; }
            catch (ObjectDisposedException) { break; }
            catch (SocketException) { Interlocked.Increment(ref inbound.Dropped); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var side in _sides) side.Socket.Dispose();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    /// <summary>One face of the relay: its socket, where its peer is, and the rewriter of the stream sent to it.</summary>
    private sealed class Side(Socket socket, RtpStreamRewriter rewriter)
    {
        public readonly Socket Socket = socket;
        public readonly RtpStreamRewriter Rewriter = rewriter;
        public long Forwarded;
        public long Dropped;
        private volatile SocketAddress? _remote;

        public SocketAddress? Remote
        {
            get => _remote;
            set => _remote = value;
        }

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
