using System.Buffers.Binary;

namespace Outbound.Telephony.Rtp;

/// <summary>
/// The RTP fixed header read in place (RFC 3550 §5.1), with the payload's bounds: the allocation-free
/// view the relay and sessions use on hot paths. <see cref="RtpPacket"/> is the owning form.
/// </summary>
public readonly record struct RtpHeader(
    bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc,
    int CsrcCount, bool HasExtension, int PayloadOffset, int PayloadLength, int PaddingLength)
{
    public static bool TryRead(ReadOnlySpan<byte> data, out RtpHeader header)
    {
        header = default;
        if (data.Length < RtpPacket.FixedHeaderLength || data[0] >> 6 != RtpPacket.Version) return false;
        var csrcCount = data[0] & 0x0F;
        var hasPadding = (data[0] & 0x20) != 0;
        var hasExtension = (data[0] & 0x10) != 0;
        var offset = RtpPacket.FixedHeaderLength + 4 * csrcCount;
        if (data.Length < offset) return false;
        if (hasExtension)
        {
            if (data.Length < offset + 4) return false;
            offset += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            if (data.Length < offset) return false;
        }
        var padding = 0;
        if (hasPadding)
        {
            padding = data[^1];
            if (padding == 0 || offset + padding > data.Length) return false;
        }
        header = new RtpHeader(
            Marker: (data[1] & 0x80) != 0,
            PayloadType: (byte)(data[1] & 0x7F),
            SequenceNumber: BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
            Timestamp: BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            Ssrc: BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            CsrcCount: csrcCount,
            HasExtension: hasExtension,
            PayloadOffset: offset,
            PayloadLength: data.Length - offset - padding,
            PaddingLength: padding);
        return true;
    }

    /// <summary>Overwrites marker, sequence number, timestamp and SSRC of a packet in place (payload type kept).</summary>
    public static void Rewrite(Span<byte> data, bool marker, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        data[1] = (byte)((marker ? 0x80 : 0) | (data[1] & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(data[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(data[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(data[8..], ssrc);
    }

    /// <summary>Writes a 12-octet header without CSRCs, extension or padding; returns 12.</summary>
    public static int WriteFixed(Span<byte> destination, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        destination[0] = RtpPacket.Version << 6;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        return RtpPacket.FixedHeaderLength;
    }
}
