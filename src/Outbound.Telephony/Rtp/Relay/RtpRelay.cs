using System.Net;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Sessions;

namespace Outbound.Telephony.Rtp.Relay;

/// <summary>Sees every packet the relay receives, before it is converted and rewritten (for recording or AMD); must not block.</summary>
public delegate void RelayTap(RecordingLeg from, in RtpHeader header, ReadOnlySpan<byte> payload);

/// <summary>
/// Media bridge for two call legs that have no session of ours yet: one <see cref="RtpSession"/> faces
/// each peer and the two are bridged (<see cref="RtpSession.BridgeTo"/>), so every packet is forwarded at
/// once (no jitter buffer) with SSRC, sequence number and timestamp rewritten into one continuous stream
/// per direction, the marker bit on a source switch, symmetric RTP, and payload types and G.711 laws
/// converted when the legs negotiated differently. Legs that already have sessions (after AMD, a
/// prompt) are bridged directly with <see cref="RtpSession.BridgeTo"/>.
/// </summary>
public sealed class RtpRelay : IAsyncDisposable
{
    private readonly RtpSession[] _legs;
    private readonly IDisposable _bridge;

    private RtpRelay(RtpSession a, RtpSession b)
    {
        _legs = [a, b];
        a.PacketReceived += (in RtpHeader header, ReadOnlySpan<byte> payload) => Tap?.Invoke(RecordingLeg.A, header, payload);
        b.PacketReceived += (in RtpHeader header, ReadOnlySpan<byte> payload) => Tap?.Invoke(RecordingLeg.B, header, payload);
        a.InactivityTimedOut += () => InactivityTimedOut?.Invoke(RecordingLeg.A);
        b.InactivityTimedOut += () => InactivityTimedOut?.Invoke(RecordingLeg.B);
        _bridge = a.BridgeTo(b);
    }

    /// <summary>Opens the two sessions on even ports (in <paramref name="ports"/> if given) and starts forwarding.</summary>
    /// <param name="inactivityTimeout">No packet from a leg for this long raises <see cref="InactivityTimedOut"/> (default 30 s).</param>
    public static RtpRelay Start(IPAddress bindAddress, TimeProvider? time = null, TimeSpan? inactivityTimeout = null, RtpPortRange? ports = null)
    {
        var options = new RtpSessionOptions { InactivityTimeout = inactivityTimeout ?? TimeSpan.FromSeconds(30) };
        var bind = new IPEndPoint(bindAddress, 0);
        var relay = new RtpRelay(RtpSession.Open(bind, options, time, ports), RtpSession.Open(bind, options, time, ports));
        foreach (var leg in relay._legs) leg.Start();
        return relay;
    }

    /// <summary>Our address facing a leg's peer: put it in the SDP sent to that peer.</summary>
    public IPEndPoint LocalEndPoint(RecordingLeg leg) => _legs[(int)leg].LocalEndPoint;

    /// <summary>The address a leg's packets go to (from SDP, replaced by the peer's real source once it sends).</summary>
    public void SetRemote(RecordingLeg leg, IPEndPoint remote) => _legs[(int)leg].SetRemote(remote);

    /// <summary>What a leg negotiated; payload types are mapped and G.711 laws converted between the legs.</summary>
    public void SetFormat(RecordingLeg leg, RelayLegFormat format) => _legs[(int)leg].SetFormat(format);

    public RelayTap? Tap { get; set; }

    /// <summary>Raised once per leg whose peer sent nothing for the inactivity timeout (a dead phone, a lost BYE).</summary>
    public event Action<RecordingLeg>? InactivityTimedOut;

    public long PacketsRelayed => _legs[0].PacketsForwarded + _legs[1].PacketsForwarded;
    /// <summary>Packets not forwarded: not RTP, the other side's address still unknown, or a format it did not negotiate.</summary>
    public long PacketsDropped => _legs[0].PacketsDropped + _legs[1].PacketsDropped;
    /// <summary>Sources seen in the stream sent towards a leg (more than one means a switch happened).</summary>
    public int SourcesTowards(RecordingLeg leg) => _legs[(int)leg].SourcesSent;

    public async ValueTask DisposeAsync()
    {
        _bridge.Dispose();
        foreach (var leg in _legs) await leg.DisposeAsync();
    }
}
