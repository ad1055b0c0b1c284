using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Mixing;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class AudioMixerTests
{
    private static readonly CallLegId Customer = new("customer"), Agent = new("agent"), Supervisor = new("supervisor");

    private static short[] Frame(params short[] samples) => samples;

    [Fact]
    public void Each_full_part_hears_the_sum_of_the_others_but_not_itself()
    {
        MixPart[] parts = [new(Customer), new(Agent), new(Supervisor)];
        var mixed = AudioMixer.Mix(parts, [Frame(100, -200, 300), Frame(10, 20, -30), Frame(1, 2, 3)], length: 3);

        Assert.Equal([11, 22, -27], mixed[0]);      // customer: agent + supervisor
        Assert.Equal([101, -198, 303], mixed[1]);   // agent: customer + supervisor
        Assert.Equal([110, -180, 270], mixed[2]);   // supervisor: customer + agent
    }

    [Fact]
    public void A_listening_supervisor_hears_both_sides_and_is_heard_by_no_one()
    {
        MixPart[] parts = [new(Customer), new(Agent), new(Supervisor, MixMode.Listen)];
        var mixed = AudioMixer.Mix(parts, [Frame(1000, 1000), Frame(-300, 50), Frame(7000, 7000)], length: 2);

        Assert.Equal([-300, 50], mixed[0]);
        Assert.Equal([1000, 1000], mixed[1]);
        Assert.Equal([700, 1050], mixed[2]);
    }

    [Fact]
    public void A_whispering_supervisor_is_heard_by_the_agent_only()
    {
        MixPart[] parts = [new(Customer), new(Agent), new(Supervisor, MixMode.Whisper, WhisperTo: Agent)];
        var mixed = AudioMixer.Mix(parts, [Frame(500), Frame(-20), Frame(40)], length: 1);

        Assert.Equal([-20], mixed[0]);   // the customer does not hear the whisper
        Assert.Equal([540], mixed[1]);
        Assert.Equal([480], mixed[2]);
    }

    [Fact]
    public void Sums_beyond_16_bits_are_clipped_and_a_silent_part_adds_nothing()
    {
        MixPart[] parts = [new(Customer), new(Agent), new(Supervisor)];
        var mixed = AudioMixer.Mix(parts, [Frame(30000, -30000), Frame(10000, -10000), null], length: 2);

        Assert.Equal([10000, -10000], mixed[0]);
        Assert.Equal([30000, -30000], mixed[1]);
        Assert.Equal([short.MaxValue, short.MinValue], mixed[2]);
    }

    [Fact]
    public void G711_frames_mix_through_linear_and_clip_to_the_loudest_code()
    {
        // μ-law 0x80 decodes to +32124 (FINDINGS.md) and 0xCE, the code of 1000, to its segment's step 988; two loud ones overflow and clip.
        var customer = new short[2];
        G711Law.MuLaw.Decode([0x80, 0xCE], customer);
        var agent = new short[2];
        G711Law.ALaw.Decode([0xAA, 0xD5], agent);   // A-law 0xAA → +32256, 0xD5 → +8
        Assert.Equal([32124, 988], customer);

        var mixed = AudioMixer.Mix([new MixPart(Customer), new MixPart(Agent), new MixPart(Supervisor, MixMode.Listen)], [customer, agent, null], length: 2);

        var heard = new byte[2];
        G711Law.MuLaw.Encode(mixed[2], heard);
        Assert.Equal([short.MaxValue, 996], mixed[2]);
        Assert.Equal(0x80, heard[0]);   // clipped: the top μ-law code
    }

    [Fact]
    public void Frame_buffer_gives_whole_frames_and_drops_the_oldest_beyond_its_capacity()
    {
        var buffer = new FrameBuffer(capacity: 4);
        buffer.Add([1, 2, 3]);
        Assert.Null(buffer.Take(4));
        buffer.Add([4, 5, 6]);
        Assert.Equal([3, 4, 5, 6], buffer.Take(4));
        Assert.Equal(0, buffer.Count);
    }
}
