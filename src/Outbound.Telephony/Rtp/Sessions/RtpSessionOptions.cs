using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Rtp.Sessions;

/// <summary>What one RTP session sends and expects: the G.711 law, its payload type, telephone-event and the inactivity timeout.</summary>
public sealed record RtpSessionOptions
{
    public G711Law Law { get; init; } = G711Law.MuLaw;
    public int PayloadType { get; init; } = 0;
    /// <summary>RFC 4733 payload type; null when the peer did not negotiate telephone-event.</summary>
    public int? TelephoneEventPayloadType { get; init; } = 101;
    /// <summary>No RTP received for this long raises <see cref="RtpSession.InactivityTimedOut"/> (a dead peer or a lost BYE).</summary>
    public TimeSpan InactivityTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
