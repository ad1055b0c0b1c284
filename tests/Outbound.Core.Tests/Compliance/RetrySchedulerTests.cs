using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;

namespace Outbound.Core.Tests.Compliance;

public sealed class RetrySchedulerTests
{
    private static readonly Instant End = Instant.FromUtc(2026, 5, 1, 10, 0);

    [Fact]
    public void Busy_is_retried_after_the_campaigns_busy_delay()
    {
        var policy = CompliancePolicy.From(new CampaignSettings());
        var next = RetryScheduler.Next(policy, CallOutcome.Busy, attemptsMade: 1, End);
        Assert.Equal(End + Duration.FromMinutes(10), Assert.IsType<LeadNextStep.Retry>(next).At);
    }

    [Fact]
    public void An_abandoned_call_under_ofcom_is_not_retried_for_72_hours_even_with_a_short_delay()
    {
        var policy = CompliancePolicy.From(new CampaignSettings { Regulator = RegulatorPreset.UkOfcom });
        var next = RetryScheduler.Next(policy, CallOutcome.Abandoned, attemptsMade: 1, End);
        Assert.Equal(End + Duration.FromHours(72), Assert.IsType<LeadNextStep.Retry>(next).At);
    }

    [Fact]
    public void The_last_allowed_attempt_closes_the_lead()
    {
        var policy = CompliancePolicy.From(new CampaignSettings { MaxAttempts = 2 });
        Assert.IsType<LeadNextStep.Retry>(RetryScheduler.Next(policy, CallOutcome.NoAnswer, 1, End));
        Assert.Equal("max_attempts", Assert.IsType<LeadNextStep.Done>(RetryScheduler.Next(policy, CallOutcome.NoAnswer, 2, End)).Reason);
    }

    [Fact]
    public void An_outcome_without_a_retry_delay_is_final()
    {
        var policy = CompliancePolicy.From(new CampaignSettings());
        Assert.IsType<LeadNextStep.Done>(RetryScheduler.Next(policy, CallOutcome.Rejected, 1, End));
        Assert.IsType<LeadNextStep.Done>(RetryScheduler.Next(policy, CallOutcome.Answered, 1, End));
    }

    [Fact]
    public void A_booked_callback_is_owned_by_the_agent_or_open_to_any()
    {
        var policy = CompliancePolicy.From(new CampaignSettings());
        var at = End + Duration.FromDays(1);
        var owned = RetryScheduler.Next(policy, CallOutcome.Answered, 1, End, callback: new CallbackRequest(at, OwnedByAgent: true), agentId: "a7");
        var open = RetryScheduler.Next(policy, CallOutcome.Answered, 1, End, callback: new CallbackRequest(at, OwnedByAgent: false), agentId: "a7");
        Assert.Equal(new LeadNextStep.Callback(at, "a7"), owned);
        Assert.Equal(new LeadNextStep.Callback(at, null), open);
    }
}
