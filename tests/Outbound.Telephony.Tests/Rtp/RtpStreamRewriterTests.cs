using Outbound.Telephony.Rtp;
using Outbound.Telephony.Rtp.Relay;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class RtpStreamRewriterTests
{
    private static RtpHeader Header(uint ssrc, ushort sequence, uint timestamp, bool marker = false) =>
        new(marker, 0, sequence, timestamp, ssrc, 0, false, 12, 160, 0);

    [Fact]
    public void First_packet_is_marked_and_mapped_onto_our_ssrc_sequence_and_timestamp()
    {
        var rewriter = new RtpStreamRewriter(outputSsrc: 7, initialSequence: 100, initialTimestamp: 1000);
        var first = rewriter.Rewrite(Header(ssrc: 55, sequence: 9000, timestamp: 123456), TimeSpan.Zero);
        var second = rewriter.Rewrite(Header(ssrc: 55, sequence: 9001, timestamp: 123616), TimeSpan.FromMilliseconds(20));
        Assert.Equal(new RewrittenHeader(true, 100, 1000, 7), first);
        Assert.Equal(new RewrittenHeader(false, 101, 1160, 7), second);
    }

    [Fact]
    public void Source_switch_sets_marker_and_continues_sequence_and_clock()
    {
        var rewriter = new RtpStreamRewriter(7, 0, 0);
        for (ushort i = 0; i < 3; i++) rewriter.Rewrite(Header(55, (ushort)(10 + i), (uint)(i * 160)), TimeSpan.FromMilliseconds(20 * i));
        // A new source 100 ms after the last packet, with unrelated numbering.
        var switched = rewriter.Rewrite(Header(ssrc: 66, sequence: 40000, timestamp: 999999), TimeSpan.FromMilliseconds(140));
        var next = rewriter.Rewrite(Header(66, 40001, 999999 + 160), TimeSpan.FromMilliseconds(160));
        Assert.Equal(new RewrittenHeader(true, 3, 320 + 800, 7), switched);
        Assert.Equal(new RewrittenHeader(false, 4, 320 + 960, 7), next);
        Assert.Equal(2, rewriter.SourceCount);
    }

    [Fact]
    public void Sequence_wraps_and_reordered_packets_keep_their_relative_position()
    {
        var rewriter = new RtpStreamRewriter(1, initialSequence: 65534, initialTimestamp: uint.MaxValue - 159);
        var a = rewriter.Rewrite(Header(2, 10, 0), TimeSpan.Zero);
        var c = rewriter.Rewrite(Header(2, 12, 320), TimeSpan.FromMilliseconds(40));
        var b = rewriter.Rewrite(Header(2, 11, 160), TimeSpan.FromMilliseconds(41));
        var d = rewriter.Rewrite(Header(2, 13, 480), TimeSpan.FromMilliseconds(60));
        Assert.Equal(new ushort[] { 65534, 0, 65535, 1 }, new[] { a.SequenceNumber, c.SequenceNumber, b.SequenceNumber, d.SequenceNumber });
        Assert.Equal(new uint[] { uint.MaxValue - 159, 160, 0, 320 }, new[] { a.Timestamp, c.Timestamp, b.Timestamp, d.Timestamp });
    }

    [Fact]
    public void Marker_of_the_source_is_kept_within_a_stream()
    {
        var rewriter = new RtpStreamRewriter(1, 0, 0);
        rewriter.Rewrite(Header(2, 1, 0), TimeSpan.Zero);
        Assert.True(rewriter.Rewrite(Header(2, 2, 160, marker: true), TimeSpan.FromMilliseconds(20)).Marker);
        Assert.False(rewriter.Rewrite(Header(2, 3, 320), TimeSpan.FromMilliseconds(40)).Marker);
    }
}
