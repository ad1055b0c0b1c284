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
/// Load for the media relay: per call, two RTP endpoints on loopback (the called party and the agent)
/// each sending 50 packets/s of 20 ms G.711 through their own <see cref="RtpRelay"/> to the other; every
/// packet that does not come out on the far side is lost. All traffic stays on 127.0.0.1; the run is
/// bounded by <c>seconds</c>.
/// </summary>
public sealed class MediaRelayBench(int calls, int seconds)
{
    private static readonly TimeSpan Ptime = TimeSpan.FromMilliseconds(20);
    private long _received;

    public async Task<MediaBenchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var relays = new List<RtpRelay>(calls);
        var endpoints = new List<Endpoint>(calls * 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            for (var call = 0; call < calls; call++)
            {
                var relay = RtpRelay.Start(IPAddress.Loopback);
                relays.Add(relay);
                var party = Endpoint.Open((uint)(2 * call + 1), (uint)(2 * call + 2), relay.LocalEndPoint(RecordingLeg.A));
                var agent = Endpoint.Open((uint)(2 * call + 2), (uint)(2 * call + 1), relay.LocalEndPoint(RecordingLeg.B));
                relay.SetRemote(RecordingLeg.A, party.LocalEndPoint);
                relay.SetRemote(RecordingLeg.B, agent.LocalEndPoint);
                endpoints.Add(party);
                endpoints.Add(agent);
            }
            var receivers = endpoints.Select(e => Task.Run(() => ReceiveAsync(e, stop.Token))).ToArray();
            var sending = Stopwatch.StartNew();
            var sent = await SendAsync(endpoints, TimeSpan.FromSeconds(seconds), cancellationToken);
            var sendSeconds = sending.Elapsed.TotalSeconds;
            // Let the last packets cross, then stop listening.
            var drainUntil = Stopwatch.StartNew();
            while (Interlocked.Read(ref _received) < sent && drainUntil.Elapsed < TimeSpan.FromSeconds(2))
                await Task.Delay(50, cancellationToken);
            await stop.CancelAsync();
            foreach (var endpoint in endpoints) endpoint.Dispose();
            await Task.WhenAll(receivers);
            var relayed = relays.Sum(r => r.PacketsRelayed);
            return new MediaBenchResult(calls, seconds, sent, relayed, sent - Interlocked.Read(ref _received), Math.Round(sendSeconds, 2));
        }
        finally
        {
            foreach (var endpoint in endpoints) endpoint.Dispose();
            foreach (var relay in relays) await relay.DisposeAsync();
        }
    }

    /// <summary>Sends one packet per endpoint per 20 ms tick; ticks are taken from elapsed time so a late loop catches up.</summary>
    private static async Task<long> SendAsync(List<Endpoint> endpoints, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ticks = (long)(duration / Ptime);
        long done = 0, sent = 0;
        var packet = new byte[RtpPacket.FixedHeaderLength + 160];
        while (done < ticks)
        {
            var due = Math.Min(ticks, (long)(clock.Elapsed / Ptime) + 1);
            for (; done < due; done++)
                foreach (var endpoint in endpoints)
                    sent += endpoint.SendNext(packet) ? 1 : 0;
            var next = Ptime * done - clock.Elapsed;
            if (next > TimeSpan.Zero) await Task.Delay(next, cancellationToken);
        }
        return sent;
    }

    private async Task ReceiveAsync(Endpoint endpoint, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var length = await endpoint.Socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                // Count only what the peer sent (its id leads the payload): a stray datagram must not hide a loss.
                if (length >= RtpPacket.FixedHeaderLength + 4 && BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(RtpPacket.FixedHeaderLength)) == endpoint.PeerId)
                    Interlocked.Increment(ref _received);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { }
        }
    }

    /// <summary>One phone of the bench: a socket, its stream's numbering, and the relay face it talks to.</summary>
    private sealed class Endpoint : IDisposable
    {
        private readonly SocketAddress _relay;
        private readonly uint _id;
        private ushort _sequence;
        private uint _timestamp;

        private Endpoint(Socket socket, uint id, uint peerId, SocketAddress relay)
        {
            Socket = socket;
            _id = id;
            PeerId = peerId;
            _relay = relay;
        }

        /// <summary>The endpoint at the other end of the call, whose packets this one should receive.</summary>
        public uint PeerId { get; }

        public Socket Socket { get; }
        public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

        public static Endpoint Open(uint id, uint peerId, IPEndPoint relay)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 256 * 1024 };
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return new Endpoint(socket, id, peerId, relay.Serialize());
        }

        public bool SendNext(byte[] packet)
        {
            RtpHeader.WriteFixed(packet, _sequence == 0, 0, _sequence++, _timestamp, _id);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(RtpPacket.FixedHeaderLength), _id);
            _timestamp += 160;
            try
            {
                return Socket.SendTo(packet, SocketFlags.None, _relay) == packet.Length;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        public void Dispose() => Socket.Dispose();
    }
}
