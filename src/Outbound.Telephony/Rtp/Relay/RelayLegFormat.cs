using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Rtp.Relay;

/// <summary>The payload formats one leg negotiated: its G.711 law and payload type, and telephone-event's type (null: none).</summary>
public sealed record RelayLegFormat(G711Law Law, int PayloadType, int? TelephoneEventPayloadType)
{
    public static RelayLegFormat From(NegotiatedAudio audio) => new(audio.Law, audio.PayloadType, audio.TelephoneEventPayloadType);
}
