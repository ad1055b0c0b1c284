using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Rtp.Relay;

/// <summary>
/// Maps a packet between two legs' negotiated formats, in place: audio gets the other leg's payload type
/// and G.711 law (μ-law ↔ A-law), telephone-event the other leg's number. Other payload types pass untouched.
/// </summary>
public static class RtpFormatTranslator
{
    /// <returns>False when the other leg cannot take the packet (telephone-event not negotiated there).</returns>
    public static bool Translate(RelayLegFormat from, RelayLegFormat to, in RtpHeader header, Span<byte> packet)
    {
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
}
