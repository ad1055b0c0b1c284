using System.Buffers.Binary;

namespace Outbound.Telephony.Rtp;

/// <summary>The header extension of RFC 3550 §5.3.1: a 16-bit profile word and 32-bit words of data.</summary>
public sealed record RtpHeaderExtension(ushort Profile, ReadOnlyMemory<byte> Data);

/// <summary>
/// An RTP data packet (RFC 3550 §5.1): fixed header, CSRC list, optional header extension (§5.3.1),
/// payload and optional padding (the last octet counts the padding octets, itself included).
/// </summary>
public sealed record RtpPacket
{
    public const int Version = 2;
    public const int FixedHeaderLength = 12;

    public bool Marker { get; init; }
    public byte PayloadType { get; init; }
    public ushort SequenceNumber { get; init; }
    public uint Timestamp { get; init; }
    public uint Ssrc { get; init; }
    public IReadOnlyList<uint> Csrcs { get; init; } = [];
    public RtpHeaderExtension? Extension { get; init; }
    public ReadOnlyMemory<byte> Payload { get; init; }
    /// <summary>Padding octets to append (0 = no P bit); at most 255.</summary>
    public byte PaddingLength { get; init; }

    public int Length => FixedHeaderLength + 4 * Csrcs.Count
        + (Extension is null ? 0 : 4 + Extension.Data.Length) + Payload.Length + PaddingLength;

    /// <summary>Parses a datagram; returns false (never throws) when it is not a valid RTP v2 packet.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet)
    {
        packet = null!;
        if (!RtpHeader.TryRead(data, out var header)) return false;
        var csrcs = new uint[header.CsrcCount];
        for (var i = 0; i < csrcs.Length; i++)
            csrcs[i] = BinaryPrimitives.ReadUInt32BigEndian(data[(FixedHeaderLength + 4 * i)..]);
        RtpHeaderExtension? extension = null;
        if (header.HasExtension)
        {
            var at = FixedHeaderLength + 4 * header.CsrcCount;
            var profile = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
            extension = new RtpHeaderExtension(profile, data[(at + 4)..header.PayloadOffset].ToArray());
        }
        packet = new RtpPacket
        {
            Marker = header.Marker,
            PayloadType = header.PayloadType,
            SequenceNumber = header.SequenceNumber,
            Timestamp = header.Timestamp,
            Ssrc = header.Ssrc,
            Csrcs = csrcs,
            Extension = extension,
            Payload = data.Slice(header.PayloadOffset, header.PayloadLength).ToArray(),
            PaddingLength = (byte)header.PaddingLength,
        };
        return true;
    }

    public static RtpPacket Parse(ReadOnlySpan<byte> data) =>
        TryParse(data, out var packet) ? packet : throw new FormatException("not an RTP version 2 packet");

    /// <summary>Writes the packet into <paramref name="destination"/> and returns the octets written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        if (Csrcs.Count > 15) throw new InvalidOperationException("RTP allows at most 15 CSRCs");
        if (PayloadType > 127) throw new InvalidOperationException("payload type is 7 bits");
        if (Extension is { } ext && ext.Data.Length % 4 != 0)
            throw new InvalidOperationException("extension data must be whole 32-bit words");
        var length = Length;
        if (destination.Length < length) throw new ArgumentException("destination too small", nameof(destination));
        destination[0] = (byte)((Version << 6) | (PaddingLength > 0 ? 0x20 : 0) | (Extension is null ? 0 : 0x10) | Csrcs.Count);
        destination[1] = (byte)((Marker ? 0x80 : 0) | PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        var at = FixedHeaderLength;
        foreach (var csrc in Csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[at..], csrc);
            at += 4;
        }
        if (Extension is { } extension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[at..], extension.Profile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 2)..], (ushort)(extension.Data.Length / 4));
            extension.Data.Span.CopyTo(destination[(at + 4)..]);
            at += 4 + extension.Data.Length;
        }
        Payload.Span.CopyTo(destination[at..]);
        at += Payload.Length;
        if (PaddingLength > 0)
        {
            destination.Slice(at, PaddingLength - 1).Clear();
            destination[at + PaddingLength - 1] = PaddingLength;
            at += PaddingLength;
        }
        return at;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }
}
