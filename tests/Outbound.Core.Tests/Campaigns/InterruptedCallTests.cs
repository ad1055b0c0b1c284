using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;

namespace Outbound.Core.Tests.Campaigns;

public sealed class InterruptedCallTests
{
    private static readonly Instant Crash = Instant.FromUtc(2026, 5, 1, 10, 0);
    private static readonly Duration Later = Duration.FromMinutes(30);
    private static readonly CampaignSettings Settings = new()
    {
        Dispositions = [new Disposition("ptp", "承诺还款", true, true, IsFinal: true), new Disposition("call_later", "稍后再联系", true, false, IsFinal: false)],
    };
    private static readonly CompliancePolicy Policy = CompliancePolicy.From(Settings);

    [Theory]
    [InlineData(false, false, false, CallOutcome.Failed)]
    [InlineData(true, true, false, CallOutcome.Machine)]
    [InlineData(true, false, false, CallOutcome.Abandoned)]
    [InlineData(true, false, true, CallOutcome.Answered)]
    public void An_interrupted_call_is_recorded_with_what_the_customer_lived_through(bool answered, bool machine, bool connected, CallOutcome outcome) =>
        Assert.Equal(outcome, InterruptedCall.Outcome(answered, machine, connected));

    [Fact]
    public void A_reached_customer_whose_agent_gave_a_final_disposition_is_not_called_again()
    {
        var next = InterruptedCall.NextStep(Policy, Settings.Dispositions, CallOutcome.Answered, 1, Crash, Later, "ptp", agentId: "a1");
        Assert.IsType<LeadNextStep.Done>(next);
    }

    [Fact]
    public void A_reached_customer_with_a_callback_booked_on_the_desk_gets_the_callback_not_a_retry()
    {
        var callback = new CallbackRequest(Crash + Duration.FromDays(1), OwnedByAgent: true);
        var next = InterruptedCall.NextStep(Policy, Settings.Dispositions, CallOutcome.Answered, 1, Crash, Later, "call_later", callback, "a1");
        Assert.Equal(new LeadNextStep.Callback(Crash + Duration.FromDays(1), "a1"), next);
    }

    [Fact]
    public void A_person_dropped_before_an_agent_took_the_call_waits_as_after_an_abandon_not_as_after_no_answer()
    {
        var next = InterruptedCall.NextStep(Policy, Settings.Dispositions, CallOutcome.Abandoned, 1, Crash, Later);
        Assert.Equal(Crash + Duration.FromMinutes(Settings.RetryDelayMinutes[CallOutcome.Abandoned]), Assert.IsType<LeadNextStep.Retry>(next).At);
    }

    [Fact]
    public void A_call_cut_before_any_answer_is_tried_again_later_within_the_attempt_limit()
    {
        Assert.Equal(Crash + Later, Assert.IsType<LeadNextStep.Retry>(InterruptedCall.NextStep(Policy, Settings.Dispositions, CallOutcome.Failed, 1, Crash, Later)).At);
        Assert.IsType<LeadNextStep.Done>(InterruptedCall.NextStep(Policy, Settings.Dispositions, CallOutcome.Failed, Settings.MaxAttempts, Crash, Later));
    }
}
