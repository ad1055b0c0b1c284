using System.Buffers.Binary;
using System.Text;
using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Rtp.Wav;

/// <summary>
/// Linear 16-bit audio with its rate and channel count, read from or written to a RIFF/WAVE file.
/// Reads PCM 8/16-bit, G.711 μ-law (format 7) and A-law (format 6); writes PCM 16-bit.
/// </summary>
public sealed record WavAudio(int SampleRate, int Channels, short[] Samples)
{
    private const ushort FormatPcm = 1;
    private const ushort FormatALaw = 6;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / Channels / SampleRate);

    public static WavAudio Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static WavAudio Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
        if (Tag(reader) != "RIFF") throw new InvalidDataException("not a RIFF file");
        reader.ReadUInt32();
        if (Tag(reader) != "WAVE") throw new InvalidDataException("not a WAVE file");
        ushort format = 0, channels = 0, bits = 0;
        var rate = 0;
        while (stream.Position + 8 <= stream.Length)
        {
            var tag = Tag(reader);
            var size = reader.ReadUInt32();
            if (tag == "fmt ")
            {
                var fmt = reader.ReadBytes((int)size);
                format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(fmt.AsSpan(4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));
                if (format == FormatExtensible && fmt.Length >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(24));
            }
            else if (tag == "data")
            {
                if (channels == 0) throw new InvalidDataException("WAVE data before its fmt chunk");
                var data = reader.ReadBytes((int)Math.Min(size, stream.Length - stream.Position));
                return new WavAudio(rate, channels, Decode(format, bits, data));
            }
            else stream.Seek(size + (size & 1), SeekOrigin.Current);
            if ((size & 1) == 1 && tag == "fmt ") stream.Seek(1, SeekOrigin.Current);
        }
        throw new InvalidDataException("WAVE file has no data chunk");
    }

    private static short[] Decode(ushort format, ushort bits, byte[] data)
    {
        switch (format, bits)
        {
            case (FormatPcm, 16):
                var samples = new short[data.Length / 2];
                for (var i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(2 * i));
                return samples;
            case (FormatPcm, 8):
                return data.Select(b => (short)((b - 128) << 8)).ToArray();
            case (FormatMuLaw, 8):
            case (FormatALaw, 8):
                var decoded = new short[data.Length];
                (format == FormatMuLaw ? G711Law.MuLaw : G711Law.ALaw).Decode(data, decoded);
                return decoded;
            default:
                throw new InvalidDataException($"unsupported WAVE encoding (format {format}, {bits} bits): use PCM 8/16-bit or G.711");
        }
    }

    /// <summary>Mono at <paramref name="rate"/>: channels averaged, then linear-interpolation resampling.</summary>
    public WavAudio ToMono(int rate = G711.SampleRate)
    {
        var frames = Samples.Length / Channels;
        var mono = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            var sum = 0;
            for (var c = 0; c < Channels; c++) sum += Samples[i * Channels + c];
            mono[i] = (short)(sum / Channels);
        }
        if (rate == SampleRate) return new WavAudio(rate, 1, mono);
        var length = (int)((long)frames * rate / SampleRate);
        var resampled = new short[length];
        var step = (double)SampleRate / rate;
        for (var i = 0; i < length; i++)
        {
            var position = i * step;
            var index = (int)position;
            var fraction = position - index;
            var next = index + 1 < frames ? mono[index + 1] : mono[Math.Min(index, frames - 1)];
            resampled[i] = (short)Math.Round(mono[index] * (1 - fraction) + next * fraction);
        }
        return new WavAudio(rate, 1, resampled);
    }

    public void Write(string path)
    {
        using var stream = File.Create(path);
        Write(stream);
    }

    public void Write(Stream stream)
    {
        WriteHeader(stream, SampleRate, Channels, Samples.Length * 2);
        var buffer = new byte[Samples.Length * 2];
        for (var i = 0; i < Samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(2 * i), Samples[i]);
        stream.Write(buffer);
    }

    /// <summary>The 44-octet header of a PCM 16-bit file; streaming writers rewrite it with the final size when done.</summary>
    public static void WriteHeader(Stream stream, int sampleRate, int channels, long dataBytes)
    {
        var header = new byte[44];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)Math.Min(uint.MaxValue, 36 + dataBytes));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * channels * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)Math.Min(uint.MaxValue - 36, dataBytes));
        stream.Write(header);
    }

    private static string Tag(BinaryReader reader) => Encoding.ASCII.GetString(reader.ReadBytes(4));
}
