using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class OfferOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly QueuePolicy Policy = new() { NoAnswerDelay = TimeSpan.FromSeconds(30), RejectDelay = TimeSpan.FromSeconds(10), MaxNoAnswer = 3 };

    [Fact]
    public void No_answers_block_the_agent_and_the_third_in_a_row_puts_it_not_ready()
    {
        var first = OfferOutcome.After(OfferResult.NoAnswer, 0, Now, Policy);
        var second = OfferOutcome.After(OfferResult.NoAnswer, first.NoAnswersInARow, Now, Policy);
        var third = OfferOutcome.After(OfferResult.NoAnswer, second.NoAnswersInARow, Now, Policy);
        Assert.Equal(Now.AddSeconds(30), first.BlockedUntil);
        Assert.False(first.PutNotReady);
        Assert.False(second.PutNotReady);
        Assert.True(third.PutNotReady);
        Assert.Equal(0, third.NoAnswersInARow);
    }

    [Fact]
    public void A_taken_call_resets_the_no_answer_count_and_a_reject_blocks_for_the_reject_delay()
    {
        Assert.Equal(0, OfferOutcome.After(OfferResult.Taken, 2, Now, Policy).NoAnswersInARow);
        var rejected = OfferOutcome.After(OfferResult.Rejected, 2, Now, Policy);
        Assert.Equal(Now.AddSeconds(10), rejected.BlockedUntil);
        Assert.Equal(2, rejected.NoAnswersInARow);
        Assert.False(rejected.PutNotReady);
    }

    [Fact]
    public void A_zero_maximum_never_puts_the_agent_not_ready()
    {
        var policy = Policy with { MaxNoAnswer = 0 };
        var c = new OfferConsequence(null, 0, false);
        for (var i = 0; i < 10; i++) c = OfferOutcome.After(OfferResult.NoAnswer, c.NoAnswersInARow, Now, policy);
        Assert.False(c.PutNotReady);
    }
}
