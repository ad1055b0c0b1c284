using Outbound.Core.Quality;

namespace Outbound.Core.Tests.Quality;

public sealed class StratifiedSamplerTests
{
    private static readonly string[] Dispositions = ["ptp", "refused", "callback", "complaint"];

    /// <summary>Calls of <paramref name="agents"/> agents with ids ordered as v7 guids would be; dispositions and talk times cycle.</summary>
    private static List<SampleCandidate> Calls(int agents, int perAgent, int offset = 0) =>
        Enumerable.Range(0, agents).SelectMany(a => Enumerable.Range(0, perAgent).Select(i => new SampleCandidate(
            new Guid(a + offset, (short)(i >> 16), (short)i, new byte[8]), $"agent-{a + offset}",
            Dispositions[i % 3], 20 + (i * 37) % 900))).ToList();

    private static readonly SamplingSettings Ten = new() { PerAgent = 10 };

    [Fact]
    public void The_same_calls_and_seed_give_the_same_sample_in_any_input_order()
    {
        var calls = Calls(5, 200);
        var first = StratifiedSampler.Draw(calls, Ten, 4242);
        var again = StratifiedSampler.Draw(Enumerable.Reverse(calls), Ten, 4242);
        Assert.Equal(first.Calls.Select(c => c.CallId).Order(), again.Calls.Select(c => c.CallId).Order());
        Assert.Equal(50, first.Calls.Count);
        var other = StratifiedSampler.Draw(calls, Ten, 4243);
        Assert.NotEqual(first.Calls.Select(c => c.CallId).Order(), other.Calls.Select(c => c.CallId).Order());
    }

    [Fact]
    public void A_stored_seed_draws_the_very_sample_it_drew_when_the_plan_was_made()
    {
        // Pinned from the first release of the sampler: re-running a stored plan must find the same calls after any rewrite.
        var calls = Calls(3, 150).Select(c => c with { Disposition = c.TalkSeconds % 11 == 0 ? "complaint" : c.Disposition });
        var settings = new SamplingSettings { PerAgent = 7, ComplaintDispositions = ["complaint"], LongCallMinutes = 14, ShortCallSeconds = 25 };
        var sample = StratifiedSampler.Draw(calls, settings, 20261101);
        var drawn = string.Join(" ", sample.Calls.Select(c => $"{c.Agent[^1]}:{c.CallId.ToString()[14..18]}:{c.Reason.ToString()[0]}:{c.Stratum}"));
        Assert.Equal(Pinned, drawn);
    }

    private static readonly string Pinned = """
        0:0095:R:callback/1 0:0056:R:callback/2 0:002f:R:callback/3 0:004e:R:ptp/2 0:0078:R:ptp/3 0:003a:R:refused/2 0:0076:R:refused/3 0:0000:S:ptp/0
        0:0006:C:complaint/2 0:0011:C:complaint/3 0:0017:L:callback/3 0:0018:L:ptp/3 0:0021:C:complaint/2 0:002c:C:complaint/3 0:0030:L:ptp/3 0:0031:C:complaint/0
        0:003c:C:complaint/2 0:0047:C:complaint/3 0:0048:L:ptp/3 0:0049:S:refused/0 0:004c:C:complaint/1 0:0057:C:complaint/2 0:0060:L:ptp/3 0:0061:L:refused/3
        0:0067:C:complaint/2 0:0072:C:complaint/3 0:0079:L:refused/3 0:0082:C:complaint/2 0:008d:C:complaint/3 0:0090:L:ptp/3 0:0091:L:refused/3 0:0092:C:complaint/0
        1:007d:R:callback/1 1:0020:R:callback/2 1:005f:R:callback/3 1:004e:R:ptp/2 1:002a:R:ptp/3 1:003d:R:refused/2 1:005e:R:refused/3 1:0000:S:ptp/0
        1:0006:C:complaint/2 1:0011:C:complaint/3 1:0017:L:callback/3 1:0018:L:ptp/3 1:0021:C:complaint/2 1:002c:C:complaint/3 1:002f:L:callback/3 1:0030:L:ptp/3
        1:0031:C:complaint/0 1:003c:C:complaint/2 1:0047:C:complaint/3 1:0048:L:ptp/3 1:0049:S:refused/0 1:004c:C:complaint/1 1:0057:C:complaint/2 1:0060:L:ptp/3
        1:0061:L:refused/3 1:0067:C:complaint/2 1:0072:C:complaint/3 1:0078:L:ptp/3 1:0079:L:refused/3 1:0082:C:complaint/2 1:008d:C:complaint/3 1:0090:L:ptp/3
        1:0091:L:refused/3 1:0092:C:complaint/0 2:0002:R:callback/1 2:0020:R:callback/2 2:008f:R:callback/3 2:0036:R:ptp/2 2:0045:R:ptp/3 2:006d:R:refused/2
        2:0046:R:refused/3 2:0000:S:ptp/0 2:0006:C:complaint/2 2:0011:C:complaint/3 2:0017:L:callback/3 2:0018:L:ptp/3 2:0021:C:complaint/2 2:002c:C:complaint/3
        2:002f:L:callback/3 2:0030:L:ptp/3 2:0031:C:complaint/0 2:003c:C:complaint/2 2:0047:C:complaint/3 2:0048:L:ptp/3 2:0049:S:refused/0 2:004c:C:complaint/1
        2:0057:C:complaint/2 2:0060:L:ptp/3 2:0061:L:refused/3 2:0067:C:complaint/2 2:0072:C:complaint/3 2:0078:L:ptp/3 2:0079:L:refused/3 2:0082:C:complaint/2
        2:008d:C:complaint/3 2:0090:L:ptp/3 2:0091:L:refused/3 2:0092:C:complaint/0
        """.ReplaceLineEndings(" ");

    [Fact]
    public void One_agents_draw_does_not_depend_on_the_other_agents()
    {
        var alone = StratifiedSampler.Draw(Calls(1, 300), Ten, 7);
        var together = StratifiedSampler.Draw(Calls(1, 300).Concat(Calls(3, 300, offset: 1)), Ten, 7);
        Assert.Equal(alone.Calls.Select(c => c.CallId), together.Calls.Where(c => c.Agent == "agent-0").Select(c => c.CallId));
    }

    [Fact]
    public void Each_stratum_gets_its_proportional_share_and_short_calls_are_skipped()
    {
        // 300 eligible calls: 200 "ptp" and 100 "refused", all in one talk band; 50 shorter than the minimum.
        var calls = Enumerable.Range(0, 350).Select(i => new SampleCandidate(Guid.CreateVersion7(), "a",
            i < 200 ? "ptp" : i < 300 ? "refused" : "callback", i < 300 ? 100 : 10)).ToList();
        var sample = StratifiedSampler.Draw(calls, new SamplingSettings { PerAgent = 9, MinTalkSeconds = 30 }, 1);
        Assert.Equal(6, sample.Calls.Count(c => c.Stratum == "ptp/1"));
        Assert.Equal(3, sample.Calls.Count(c => c.Stratum == "refused/1"));
        Assert.DoesNotContain(sample.Calls, c => c.Stratum.StartsWith("callback", StringComparison.Ordinal));
    }

    [Fact]
    public void Targeted_rules_add_every_complaint_long_and_short_call_on_top_of_the_random_sample()
    {
        var calls = Calls(1, 100)
            .Append(new SampleCandidate(Guid.CreateVersion7(), "agent-0", "complaint", 200))
            .Append(new SampleCandidate(Guid.CreateVersion7(), "agent-0", "ptp", 1300))
            .Append(new SampleCandidate(Guid.CreateVersion7(), "agent-0", "ptp", 4)).ToList();
        var settings = new SamplingSettings { PerAgent = 5, MinTalkSeconds = 10, ComplaintDispositions = ["complaint"], LongCallMinutes = 20, ShortCallSeconds = 8 };
        var sample = StratifiedSampler.Draw(calls, settings, 3);
        Assert.Equal(5, sample.Calls.Count(c => c.Reason == SampleReason.Random));
        Assert.Single(sample.Calls, c => c.Reason == SampleReason.Complaint);
        Assert.Single(sample.Calls, c => c.Reason == SampleReason.LongCall);
        Assert.Single(sample.Calls, c => c.Reason == SampleReason.ShortCall);
        Assert.Equal(sample.Calls.Count, sample.Calls.Select(c => c.CallId).Distinct().Count());
    }

    [Fact]
    public void A_plan_larger_than_an_agents_calls_is_refused_unless_it_takes_them_all()
    {
        var calls = Calls(1, 50).Concat(Calls(1, 4, offset: 1)).ToList();
        var refused = StratifiedSampler.Draw(calls, Ten, 1);
        Assert.True(refused.Refused);
        // The first of agent-1's four calls lasted 20 s, under the 30 s minimum.
        Assert.Equal(new ShortAgent("agent-1", 3, 10), Assert.Single(refused.Short));
        Assert.Empty(refused.Calls);

        var all = StratifiedSampler.Draw(calls, Ten with { TakeAllWhenShort = true }, 1);
        Assert.Equal(13, all.Calls.Count);
    }

    [Fact]
    public void Allocation_uses_largest_remainders_and_never_exceeds_a_stratum()
    {
        Assert.Equal([4, 3, 3], StratifiedSampler.Allocate([10, 10, 10], 10));
        Assert.Equal([0, 10], StratifiedSampler.Allocate([1, 100], 10));
        Assert.Equal([1, 1], StratifiedSampler.Allocate([1, 1], 5));
        Assert.Equal([2, 0], StratifiedSampler.Allocate([2, 0], 2));
    }
}
