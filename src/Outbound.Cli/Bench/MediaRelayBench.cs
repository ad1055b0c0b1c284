using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Rtp;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Relay;

namespace Outbound.Cli.Bench;

/// <param name="SendSeconds">How long sending really took: above <c>Seconds</c> when the machine could not keep 50 packets/s per stream.</param>
public sealed record MediaBenchResult(int Calls, int Seconds, long PacketsSent, long PacketsRelayed, long Lost, double SendSeconds);

/// <summary>
/// Load for the media relay: per call, one <see cref="RtpRelay"/> (its own two sockets, as in a real call)
/// between a called party and an agent, each sending 50 packets/s of 20 ms G.711 to the other; every packet
/// that does not come out on the far side is lost. All traffic stays on 127.0.0.1.
/// The bench's own phones share a few sockets served by dedicated threads, so that on a small machine the
/// generator does not starve the relay it measures: the relay's load (two sockets and two streams per call)
/// is that of real calls, only the far ends are cheap.
/// </summary>
public sealed class MediaRelayBench(int calls, int seconds)
{
    private static readonly TimeSpan Ptime = TimeSpan.FromMilliseconds(20);
    /// <summary>Sockets per side: each receives a share of every 20 ms burst, well within a default socket buffer.</summary>
    private const int SocketsPerSide = 4;
    private long _received;
    private volatile bool _stopping;

    public async Task<MediaBenchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var relays = new List<RtpRelay>(calls);
        var parties = Enumerable.Range(0, SocketsPerSide).Select(_ => Side.Open(expectsAgents: true)).ToArray();
        var agents = Enumerable.Range(0, SocketsPerSide).Select(_ => Side.Open(expectsAgents: false)).ToArray();
        var streams = new List<Stream>(calls * 2);
        try
        {
            for (var call = 0; call < calls; call++)
            {
                var relay = RtpRelay.Start(IPAddress.Loopback);
                relays.Add(relay);
                var party = parties[call % SocketsPerSide];
                var agent = agents[call % SocketsPerSide];
                relay.SetRemote(RecordingLeg.A, party.LocalEndPoint);
                relay.SetRemote(RecordingLeg.B, agent.LocalEndPoint);
                streams.Add(new Stream(party.Socket, PartyId(call), relay.LocalEndPoint(RecordingLeg.A)));
                streams.Add(new Stream(agent.Socket, PartyId(call) + 1, relay.LocalEndPoint(RecordingLeg.B)));
            }
            var receivers = parties.Concat(agents).Select(side => StartReceiver(side, calls)).ToArray();
            var sending = Stopwatch.StartNew();
            var sent = await SendAsync(streams, TimeSpan.FromSeconds(seconds), cancellationToken);
            var sendSeconds = sending.Elapsed.TotalSeconds;
            // Let the last packets cross, then stop listening.
            var drainUntil = Stopwatch.StartNew();
            while (Interlocked.Read(ref _received) < sent && drainUntil.Elapsed < TimeSpan.FromSeconds(2))
                await Task.Delay(50, cancellationToken);
            var received = Interlocked.Read(ref _received);
            _stopping = true;
            foreach (var receiver in receivers) receiver.Join();
            var relayed = relays.Sum(r => r.PacketsRelayed);
            return new MediaBenchResult(calls, seconds, sent, relayed, sent - received, Math.Round(sendSeconds, 2));
        }
        finally
        {
            foreach (var side in parties.Concat(agents)) side.Dispose();
            foreach (var relay in relays) await relay.DisposeAsync();
        }
    }

    /// <summary>Odd ids are called parties, the next even id is the same call's agent.</summary>
    private static uint PartyId(int call) => (uint)(2 * call + 1);

    /// <summary>Sends one packet per stream per 20 ms tick; ticks are taken from elapsed time so a late loop catches up.</summary>
    private static async Task<long> SendAsync(List<Stream> streams, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ticks = (long)(duration / Ptime);
        long done = 0, sent = 0;
        var packet = new byte[RtpPacket.FixedHeaderLength + 160];
        while (done < ticks)
        {
            var due = Math.Min(ticks, (long)(clock.Elapsed / Ptime) + 1);
            for (; done < due; done++)
                foreach (var stream in streams)
                    sent += stream.SendNext(packet) ? 1 : 0;
            var next = Ptime * done - clock.Elapsed;
            if (next > TimeSpan.Zero) await Task.Delay(next, cancellationToken);
        }
        return sent;
    }

    /// <summary>A blocking receive loop on its own thread: no task wake-up per packet, which is what a small machine cannot afford.</summary>
    private Thread StartReceiver(Side side, int calls)
    {
        var thread = new Thread(() =>
        {
            var buffer = new byte[2048];
            while (!_stopping)
            {
                int length;
                try { length = side.Socket.Receive(buffer); }
                catch (SocketException) { continue; } // the receive timeout: look at the stop flag again
                // Count only packets of the far side of some call (their id leads the payload): a stray or misrouted datagram must not hide a loss.
                if (length < RtpPacket.FixedHeaderLength + 4) continue;
                var id = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(RtpPacket.FixedHeaderLength));
                var fromAgent = id % 2 == 0;
                if (id >= 1 && id <= 2 * (uint)calls && fromAgent == side.ExpectsAgents) Interlocked.Increment(ref _received);
            }
        }) { IsBackground = true, Name = "bench-media-receive" };
        thread.Start();
        return thread;
    }

    /// <summary>One socket of the bench's phones: called parties on one side, agents on the other.</summary>
    private sealed class Side : IDisposable
    {
        private Side(Socket socket, bool expectsAgents)
        {
            Socket = socket;
            ExpectsAgents = expectsAgents;
        }

        public Socket Socket { get; }
        /// <summary>Called parties hear agents, agents hear called parties.</summary>
        public bool ExpectsAgents { get; }
        public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

        public static Side Open(bool expectsAgents)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 * 1024 * 1024, ReceiveTimeout = 200 };
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return new Side(socket, expectsAgents);
        }

        public void Dispose() => Socket.Dispose();
    }

    /// <summary>One RTP stream of the bench: its numbering and the relay face it talks to.</summary>
    private sealed class Stream(Socket socket, uint id, IPEndPoint relay)
    {
        private readonly SocketAddress _relay = relay.Serialize();
        private ushort _sequence;
        private uint _timestamp;

        public bool SendNext(byte[] packet)
        {
            RtpHeader.WriteFixed(packet, _sequence == 0, 0, _sequence++, _timestamp, id);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(RtpPacket.FixedHeaderLength), id);
            _timestamp += 160;
            try
            {
                return socket.SendTo(packet, SocketFlags.None, _relay) == packet.Length;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
