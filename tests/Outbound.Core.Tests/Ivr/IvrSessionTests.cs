using Outbound.Core.Ivr;
using static Outbound.Core.Tests.Ivr.IvrTrees;

namespace Outbound.Core.Tests.Ivr;

public sealed class IvrSessionTests
{
    [Fact]
    public void A_caller_goes_through_the_billing_menu_to_the_billing_skill_with_a_higher_priority()
    {
        var (step, session) = IvrSession.Start(Hotline);
        Assert.Equal(new IvrStep.Prompt("main", ["prompt-main"]), step, new StepComparer());
        (step, session) = session.Press('2');
        Assert.Equal("billing", session.MenuId);
        (step, _) = session.Press('2');
        var queue = Assert.IsType<IvrStep.ToQueue>(step);
        Assert.Equal(("power-hotline", "billing", 1), (queue.QueueCode, queue.Skill, queue.Priority));
    }

    [Fact]
    public void Self_service_information_is_played_before_the_menu_again()
    {
        var (_, session) = IvrSession.Start(Hotline);
        var (step, after) = session.Press('1');
        var prompt = Assert.IsType<IvrStep.Prompt>(step);
        Assert.Equal(["outage-info", "prompt-main"], prompt.Prompts);
        Assert.Equal("main", after.MenuId);
    }

    [Fact]
    public void Invalid_keys_and_timeouts_repeat_the_menu_until_the_retries_run_out_then_the_caller_is_let_go()
    {
        var (_, session) = IvrSession.Start(Hotline);
        var (step, s1) = session.Press('7');
        Assert.IsType<IvrStep.Prompt>(step);
        var (step2, s2) = s1.TimedOut();
        Assert.IsType<IvrStep.Prompt>(step2);
        var (last, _) = s2.Press('5');
        Assert.IsType<IvrStep.Hangup>(last);
    }

    [Fact]
    public void A_valid_choice_resets_the_retry_count()
    {
        var (_, session) = IvrSession.Start(Hotline);
        (_, session) = session.Press('7');
        (_, session) = session.Press('7');
        (_, session) = session.Press('2');
        (_, session) = session.Press('*');
        Assert.Equal(("main", 0), (session.MenuId, session.Retries));
        var (step, _) = session.Press('9');
        Assert.Equal("power-hotline", Assert.IsType<IvrStep.ToVoicemail>(step).Mailbox);
    }

    private sealed class StepComparer : IEqualityComparer<IvrStep>
    {
        public bool Equals(IvrStep? x, IvrStep? y) => x is IvrStep.Prompt a && y is IvrStep.Prompt b && a.MenuId == b.MenuId && a.Prompts.SequenceEqual(b.Prompts);
        public int GetHashCode(IvrStep obj) => 0;
    }
}
