using System.Buffers.Binary;

namespace Outbound.Reports.Pdf;

/// <summary>
/// Pulls one face out of a TrueType collection (.ttc) as a standalone .ttf, because PDFsharp reads only
/// single fonts. A TTC starts with 'ttcf', a version, the face count and one offset per face; each
/// face's table directory points at tables anywhere in the file. We copy that face's tables into a
/// new file with a fresh directory (4-byte aligned, as the OpenType spec requires).
/// </summary>
public static class TrueTypeCollection
{
    public static byte[] ExtractFace(ReadOnlySpan<byte> ttc, int faceIndex)
    {
        if (ttc.Length < 12 || !ttc[..4].SequenceEqual("ttcf"u8)) throw new InvalidDataException("not a TrueType collection");
        var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc[8..]);
        if (faceIndex < 0 || faceIndex >= faces) throw new ArgumentOutOfRangeException(nameof(faceIndex), $"the collection has {faces} faces");
        var face = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc[(12 + 4 * faceIndex)..]);

        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(ttc[(face + 4)..]);
        var directorySize = 12 + 16 * tableCount;
        var tables = new List<(int Record, int Offset, int Length)>(tableCount);
        var total = directorySize;
        for (var i = 0; i < tableCount; i++)
        {
            var record = face + 12 + 16 * i;
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc[(record + 8)..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc[(record + 12)..]);
            tables.Add((record, offset, length));
            total += Align4(length);
        }

        var font = new byte[total];
        ttc.Slice(face, 12).CopyTo(font); // sfnt version, table count, search fields
        var position = directorySize;
        for (var i = 0; i < tables.Count; i++)
        {
            var (record, offset, length) = tables[i];
            var target = font.AsSpan(12 + 16 * i, 16);
            ttc.Slice(record, 8).CopyTo(target);                               // tag + checksum
            BinaryPrimitives.WriteUInt32BigEndian(target[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(target[12..], (uint)length);
            ttc.Slice(offset, length).CopyTo(font.AsSpan(position));
            position += Align4(length);
        }
        return font;
    }

    private static int Align4(int n) => (n + 3) & ~3;
}
