using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFF, 0)]
    public void MuLaw_decodes_reference_vectors(byte code, short expected) => Assert.Equal(expected, MuLaw.Decode(code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    public void ALaw_decodes_reference_vectors(byte code, short expected) => Assert.Equal(expected, ALaw.Decode(code));

    [Fact]
    public void Encoding_1000_gives_the_reference_codes()
    {
        Assert.Equal(0xCE, MuLaw.Encode(1000));
        Assert.Equal(0xFA, ALaw.Encode(1000));
    }

    [Fact]
    public void Silence_encodes_to_the_silence_codes()
    {
        Assert.Equal(G711Law.MuLaw.SilenceCode(), MuLaw.Encode(0));
        Assert.Equal(G711Law.ALaw.SilenceCode(), ALaw.Encode(0));
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Every_code_survives_decode_then_encode(G711Law law)
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var samples = new short[256];
        var back = new byte[256];
        law.Decode(codes, samples);
        law.Encode(samples, back);
        for (var i = 0; i < 256; i++)
        {
            // μ-law has two codes for zero (0x7F and 0xFF); both decode to 0 and 0 encodes to 0xFF.
            if (law == G711Law.MuLaw && codes[i] == 0x7F) Assert.Equal(0xFF, back[i]);
            else Assert.Equal(codes[i], back[i]);
        }
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Quantisation_error_stays_within_a_step_and_sign_is_kept(G711Law law)
    {
        var worst = 0.0;
        for (var value = -32768; value <= 32767; value += 7)
        {
            var one = new[] { (short)value };
            var code = new byte[1];
            var decoded = new short[1];
            law.Encode(one, code);
            law.Decode(code, decoded);
            if (Math.Abs(value) > 16) Assert.Equal(Math.Sign(value), Math.Sign((int)decoded[0]));
            // Logarithmic: the error relative to the magnitude stays under ~6.5 % above the linear segment.
            if (Math.Abs(value) > 1024) worst = Math.Max(worst, Math.Abs(decoded[0] - value) / (double)Math.Abs(value));
        }
        Assert.InRange(worst, 0.0, 0.065);
    }
}
