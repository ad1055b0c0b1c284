using System.Text;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip.Transport;

public sealed class SipStreamFramerTests
{
    private const string Options = "OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5;branch=z9hG4bK1\r\nFrom: <sip:b@h>;tag=1\r\n"
                                   + "To: <sip:a@h>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 5\r\n\r\nhello";

    [Fact]
    public void Message_split_across_reads_comes_out_whole()
    {
        var framer = new SipStreamFramer();
        var bytes = Encoding.ASCII.GetBytes(Options);
        byte[]? frame = null;

        foreach (var chunk in bytes.Chunk(7))
        {
            Assert.Null(frame);
            framer.Append(chunk);
            frame = framer.Next();
        }

        Assert.Equal(Options, Encoding.ASCII.GetString(frame!));
    }

    [Fact]
    public void Two_messages_in_one_read_with_keep_alives_between_are_both_framed()
    {
        var framer = new SipStreamFramer();
        framer.Append(Encoding.ASCII.GetBytes("\r\n\r\n" + Options + "\r\n\r\n" + Options.Replace("c1", "c2")));

        var first = Encoding.ASCII.GetString(framer.Next()!);
        var second = Encoding.ASCII.GetString(framer.Next()!);

        Assert.Contains("Call-ID: c1", first);
        Assert.Contains("Call-ID: c2", second);
        Assert.Null(framer.Next());
        Assert.False(framer.Broken);
    }

    [Fact]
    public void Compact_content_length_frames_the_body()
    {
        var framer = new SipStreamFramer();
        framer.Append(Encoding.ASCII.GetBytes(Options.Replace("Content-Length: 5", "l: 5") + "NEXT"));

        Assert.EndsWith("hello", Encoding.ASCII.GetString(framer.Next()!));
    }

    [Fact]
    public void Negative_content_length_breaks_the_stream()
    {
        var framer = new SipStreamFramer();
        framer.Append(Encoding.ASCII.GetBytes(Options.Replace("Content-Length: 5", "Content-Length: -5")));

        Assert.Null(framer.Next());
        Assert.True(framer.Broken);
    }

    [Fact]
    public void Endless_header_section_breaks_the_stream_instead_of_growing_forever()
    {
        var framer = new SipStreamFramer();
        var line = Encoding.ASCII.GetBytes("X-Junk: " + new string('x', 1000) + "\r\n");

        for (var i = 0; i < 80 && !framer.Broken; i++)
        {
            framer.Append(line);
            Assert.Null(framer.Next());
        }

        Assert.True(framer.Broken);
    }

    [Fact]
    public void Body_dribbled_a_byte_at_a_time_is_framed_once_and_the_buffer_is_given_back()
    {
        using var framer = new SipStreamFramer();
        var bytes = Encoding.ASCII.GetBytes(Options.Replace("Content-Length: 5\r\n\r\nhello", "Content-Length: 3000\r\n\r\n" + new string('b', 3000)));
        var frames = new List<byte[]>();

        foreach (var b in bytes)
        {
            framer.Append([b]);
            if (framer.Next() is { } frame) frames.Add(frame);
        }

        Assert.Equal(bytes, Assert.Single(frames));
        Assert.Equal(0, framer.Buffered);
    }

    [Fact]
    public void Message_over_the_size_limit_breaks_the_stream_and_keeps_its_header_for_a_513()
    {
        using var framer = new SipStreamFramer(maxMessageBytes: 4096);
        framer.Append(Encoding.ASCII.GetBytes(Options.Replace("Content-Length: 5", "Content-Length: 16777216")));

        Assert.Null(framer.Next());
        Assert.True(framer.Broken);
        Assert.Contains("Call-ID: c1", Encoding.ASCII.GetString(framer.OversizedHeader!));
    }
}
