using System.Buffers.Binary;

namespace Outbound.Telephony.Rtp.Dtmf;

/// <summary>
/// The telephone-event payload of RFC 4733 §2.3: event code, end bit (E), volume in −dBm0 (0–63) and
/// duration in timestamp units since the event began.
/// </summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;

    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        telephoneEvent = default;
        if (payload.Length < Length) return false;
        telephoneEvent = new TelephoneEvent(
            payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public void WriteTo(Span<byte> payload)
    {
        payload[0] = Event;
        payload[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], Duration);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }
}
