using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;

namespace Outbound.Core.Tests.Compliance;

/// <summary>
/// Properties over many random leads, zones, clocks and histories. The oracles are written
/// independently of the code under test: local time comes from the BCL's <see cref="TimeZoneInfo"/>,
/// not NodaTime, and every rule is restated from the regulator's text.
/// </summary>
public sealed class CompliancePropertyTests
{
    private const int Cases = 20_000;

    private static IEnumerable<(CompliancePolicy Policy, LeadFacts Lead, DialContext Context, IReadOnlyList<PastAttempt> History, ComplianceDecision Decision)> Dials(int seed)
    {
        var random = new RandomDials(seed);
        for (var i = 0; i < Cases; i++)
        {
            var now = random.Now();
            var policy = random.Policy();
            var lead = random.Lead(now);
            var context = random.Context(now);
            var history = random.History(now);
            yield return (policy, lead, context, history, ComplianceCheck.Evaluate(policy, lead, context, history));
        }
    }

    /// <summary>The regulators' hours restated from their texts (Ofcom sets none).</summary>
    private static readonly Dictionary<RegulatorPreset, (TimeSpan Start, TimeSpan End)> StatutoryHours = new()
    {
        [RegulatorPreset.CnConsumerCollections] = (TimeSpan.FromHours(8), TimeSpan.FromHours(22)),
        [RegulatorPreset.UsTsr] = (TimeSpan.FromHours(8), TimeSpan.FromHours(21)),
        [RegulatorPreset.UkOfcom] = (TimeSpan.Zero, TimeSpan.FromDays(1)),
        [RegulatorPreset.Custom] = (TimeSpan.Zero, TimeSpan.FromDays(1)),
    };

    private static DateTime LocalClock(Instant now, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(now.ToDateTimeUtc(), TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Fact]
    public void No_dial_is_allowed_outside_the_window_in_the_leads_local_time()
    {
        var allowed = 0;
        foreach (var (policy, lead, context, _, decision) in Dials(1))
        {
            if (!decision.IsAllowed) continue;
            allowed++;
            var local = LocalClock(context.Now, lead.TimeZoneId);
            var time = local.TimeOfDay;
            var regulator = policy.Regulator;
            var (regulatorStart, regulatorEnd) = StatutoryHours[regulator.Preset];
            var consentWaives = lead.OffHoursConsent && regulator.Preset == RegulatorPreset.CnConsumerCollections;
            Assert.True(consentWaives || (time >= regulatorStart && time < regulatorEnd),
                $"{lead.TimeZoneId} {local:O} outside {regulator.Preset} hours");
            if (policy.CampaignWindows.Count > 0)
                Assert.Contains(policy.CampaignWindows, w =>
                    (int)w.Day == ((int)local.DayOfWeek == 0 ? 7 : (int)local.DayOfWeek)
                    && time >= w.Start.ToTimeOnly().ToTimeSpan() && time < w.End.ToTimeOnly().ToTimeSpan());
        }
        Assert.InRange(allowed, Cases / 50, Cases); // the generator must reach the interesting branch
    }

    [Fact]
    public void No_dial_is_allowed_to_a_dnc_number_or_over_the_attempt_limit()
    {
        foreach (var (policy, lead, _, _, decision) in Dials(2))
        {
            if (lead.IsDnc) Assert.False(decision.IsAllowed);
            if (lead.Attempts >= policy.MaxAttempts) Assert.False(decision.IsAllowed);
        }
    }

    [Fact]
    public void No_dial_is_allowed_within_72_hours_after_an_abandon_under_the_ofcom_preset()
    {
        var checkedCases = 0;
        foreach (var (policy, _, context, history, decision) in Dials(3))
        {
            if (policy.Regulator.Preset != RegulatorPreset.UkOfcom) continue;
            var recentAbandon = history.Any(a => a.Outcome == CallOutcome.Abandoned && context.Now - a.StartedAt < Duration.FromHours(72));
            if (!recentAbandon) continue;
            checkedCases++;
            Assert.False(decision.IsAllowed);
        }
        Assert.True(checkedCases > 100, $"only {checkedCases} Ofcom cases with a recent abandon");
    }

    [Fact]
    public void No_dial_is_allowed_after_six_unanswered_attempts_the_same_local_day_under_cn_collections()
    {
        var checkedCases = 0;
        foreach (var (policy, lead, context, history, decision) in Dials(4))
        {
            if (policy.Regulator.Preset != RegulatorPreset.CnConsumerCollections) continue;
            var today = LocalClock(context.Now, lead.TimeZoneId).Date;
            var unanswered = history.Count(a => a.Outcome != CallOutcome.Answered && LocalClock(a.StartedAt, lead.TimeZoneId).Date == today);
            if (unanswered < 6) continue;
            checkedCases++;
            Assert.False(decision.IsAllowed);
        }
        Assert.True(checkedCases > 20, $"only {checkedCases} CN cases over the daily limit");
    }

    [Fact]
    public void A_callback_owned_by_one_agent_is_never_dialled_for_another()
    {
        foreach (var (policy, lead, context, _, decision) in Dials(5))
        {
            if (lead.CallbackAgent is null || lead.CallbackAgent == context.AgentId) continue;
            var refused = Assert.IsType<ComplianceDecision.Refused>(decision);
            // DNC and the attempt limit outrank ownership: they close the lead for everyone.
            if (!lead.IsDnc && lead.Attempts < policy.MaxAttempts)
                Assert.Equal(RefusalReason.CallbackOwnedByOther, refused.Reason);
        }
    }

    [Fact]
    public void A_window_refusal_names_a_retry_time_that_is_inside_the_window()
    {
        var windowRefusals = 0;
        foreach (var (policy, lead, context, history, decision) in Dials(6))
        {
            if (decision is not ComplianceDecision.Refused { Reason: RefusalReason.OutsideWindow, RetryAt: { } retryAt }) continue;
            windowRefusals++;
            Assert.True(retryAt > context.Now);
            var later = ComplianceCheck.Evaluate(policy, lead, context with { Now = retryAt }, history);
            Assert.False(later is ComplianceDecision.Refused { Reason: RefusalReason.OutsideWindow }, $"{lead.TimeZoneId} still outside at {retryAt}");
            // And one minute before the opening the window was still closed (it is the first opening).
            if (retryAt - context.Now > Duration.FromMinutes(1))
                Assert.False(policy.IsInsideWindow((retryAt - Duration.FromMinutes(1)).InZone(DateTimeZoneProviders.Tzdb[lead.TimeZoneId]).LocalDateTime, lead.OffHoursConsent));
        }
        Assert.True(windowRefusals > 500, $"only {windowRefusals} window refusals");
    }

    [Fact]
    public void A_lead_that_passes_every_rule_is_allowed()
    {
        // Guards against a check that refuses everything: a compliant lead at noon on a weekday is dialled.
        var now = Instant.FromUtc(2026, 3, 4, 4, 0); // 12:00 in Shanghai, a Wednesday
        var lead = new LeadFacts("+8613800000000", "Asia/Shanghai", Attempts: 1);
        var policy = CompliancePolicy.From(new CampaignSettings());
        Assert.True(ComplianceCheck.Evaluate(policy, lead, new DialContext(now), []).IsAllowed);
    }
}
