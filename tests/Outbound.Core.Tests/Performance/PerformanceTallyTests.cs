using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;

namespace Outbound.Core.Tests.Performance;

public sealed class PerformanceTallyTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);

    private static readonly Disposition[] Dispositions =
    [
        new("promise_to_pay", "承诺还款", IsContact: true, IsRightPartyContact: true, IsFinal: true, IsPromiseToPay: true),
        new("refused", "拒绝", true, true, false),
        new("third_party", "第三方", true, false, false),
        new("wrong_number", "号码错误", false, false, true),
    ];

    // 2026-03-02 is a Monday.
    private static DateTimeOffset At(int day, int hour, int minute = 0, int second = 0) => new(2026, 3, day, hour, minute, second, Cn);

    private static CallFact Unanswered(long lead, DateTimeOffset at, CallOutcome outcome = CallOutcome.NoAnswer) =>
        new(lead, at, null, null, at.AddSeconds(30), null, outcome, false, null, null, null);

    private static CallFact Connected(long lead, DateTimeOffset at, string disposition, string agent = "a1", int talkSeconds = 120, int wrapSeconds = 30) =>
        new(lead, at, at.AddSeconds(10), at.AddSeconds(11), at.AddSeconds(11 + talkSeconds), at.AddSeconds(11 + talkSeconds + wrapSeconds),
            CallOutcome.Answered, false, disposition, agent, null);

    private static CallFact Abandoned(long lead, DateTimeOffset at) =>
        new(lead, at, at.AddSeconds(10), null, at.AddSeconds(12), null, CallOutcome.Abandoned, true, null, null, null);

    private static PerformanceTally Tally(DateOnly? asOf = null) => new(Dispositions, 0.03m, Shanghai, asOf ?? new DateOnly(2026, 4, 1));

    [Fact]
    public void Contact_and_right_party_rates_follow_the_disposition_flags()
    {
        var tally = Tally();
        // 10 attempts on 6 leads: 4 contacts (promise, refused, third party, and one not yet dispositioned),
        // a wrong number (connected, not a contact), 4 unanswered, 1 machine.
        tally.Add(Connected(1, At(2, 10), "promise_to_pay"));
        tally.Add(Connected(2, At(2, 10), "refused"));
        tally.Add(Connected(3, At(2, 11), "third_party"));
        tally.Add(Connected(4, At(2, 11), "wrong_number"));
        tally.Add(new CallFact(5, At(2, 12), At(2, 12), At(2, 12), At(2, 12, 2), null, CallOutcome.Answered, false, null, "a2", null));
        for (var i = 0; i < 4; i++) tally.Add(Unanswered(6, At(3, 9 + i)));
        tally.Add(Unanswered(6, At(3, 15), CallOutcome.Machine) with { AnsweredAt = At(3, 15) });
        var f = tally.Result();
        Assert.Equal(10, f.Attempts);
        Assert.Equal(6, f.Leads);
        Assert.Equal(6, f.Answered);
        Assert.Equal(5, f.Connects);
        Assert.Equal(new Ratio(4, 10), f.ContactRate);
        Assert.Equal(new Ratio(2, 4), f.RightPartyContactRate);
        Assert.Equal(4, f.Outcomes[CallOutcome.NoAnswer]);
        Assert.Equal(1, f.Dispositions["refused"]);
    }

    [Fact]
    public void Abandon_rate_is_counted_per_day_against_the_cap()
    {
        var tally = Tally();
        // Monday: 1 abandon of 34 live calls (2.9 %, under 3 %); Tuesday: 2 of 20 (10 %, over).
        for (var i = 0; i < 33; i++) tally.Add(Connected(100 + i, At(2, 10), "refused"));
        tally.Add(Abandoned(200, At(2, 23, 30)));                 // 23:30 Shanghai is still Monday
        for (var i = 0; i < 18; i++) tally.Add(Connected(300 + i, At(3, 10), "refused"));
        tally.Add(Abandoned(400, At(3, 11)));
        tally.Add(Abandoned(401, At(3, 0, 10)));
        tally.Add(Unanswered(402, At(3, 12)));                    // not a live call: not in the base
        var days = tally.Result().AbandonByDay;
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)], days.Select(d => d.Day));
        Assert.Equal(new Ratio(1, 34), days[0].Rate);
        Assert.False(days[0].OverCap);
        Assert.Equal(new Ratio(2, 20), days[1].Rate);
        Assert.True(days[1].OverCap);
        Assert.Equal(new Ratio(3, 54), tally.Result().AbandonRate);
    }

    [Fact]
    public void Promises_count_amounts_and_the_kept_rate_counts_only_promises_whose_day_has_come()
    {
        var tally = Tally(asOf: new DateOnly(2026, 3, 20));
        tally.Add(new PromiseFact(1, "a1", 1000m, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 9)));   // kept
        tally.Add(new PromiseFact(2, "a1", 500m, new DateOnly(2026, 3, 12), null));                        // broken
        tally.Add(new PromiseFact(3, "a2", 250.50m, new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 18))); // paid late: broken
        tally.Add(new PromiseFact(4, "a2", 800m, new DateOnly(2026, 3, 25), null));                        // not due yet
        tally.Add(new PromiseFact(5, "a2", 300m, new DateOnly(2026, 3, 25), new DateOnly(2026, 3, 19)));   // kept early
        var p = tally.Result().Promises;
        Assert.Equal(5, p.Count);
        Assert.Equal(2850.50m, p.Amount);
        Assert.Equal(new Ratio(2, 4), p.KeptRate);
        Assert.Equal(1300m, p.KeptAmount);
    }

    [Fact]
    public void Survey_completion_is_completed_questionnaires_over_right_party_contacts()
    {
        var tally = Tally();
        tally.Add(Connected(1, At(2, 10), "refused"));
        tally.Add(Connected(2, At(2, 10), "refused"));
        tally.Add(Connected(3, At(2, 10), "refused"));
        tally.Add(Connected(4, At(2, 10), "refused"));
        tally.Add(new SurveyResponseFact(1, true, new Dictionary<string, IReadOnlyList<string>> { ["overall"] = ["满意"], ["resolved"] = ["已解决"] }));
        tally.Add(new SurveyResponseFact(2, true, new Dictionary<string, IReadOnlyList<string>> { ["overall"] = ["满意"] }));
        tally.Add(new SurveyResponseFact(3, false, new Dictionary<string, IReadOnlyList<string>> { ["overall"] = ["不满意"] }));
        var s = tally.Result().Survey;
        Assert.Equal(3, s.Responses);
        Assert.Equal(new Ratio(2, 4), s.CompletionRate);
        Assert.Equal(2, s.AnswersByQuestion["overall"]["满意"]);
        Assert.Equal(1, s.AnswersByQuestion["overall"]["不满意"]);
        Assert.Equal(1, s.AnswersByQuestion["resolved"]["已解决"]);
    }

    [Fact]
    public void A_multiple_choice_answer_counts_once_for_each_option_chosen()
    {
        var tally = Tally();
        tally.Add(new SurveyResponseFact(1, true, new Dictionary<string, IReadOnlyList<string>> { ["channels"] = ["短信", "App"] }));
        tally.Add(new SurveyResponseFact(2, true, new Dictionary<string, IReadOnlyList<string>> { ["channels"] = ["App"] }));
        var answers = tally.Result().Survey.AnswersByQuestion["channels"];
        Assert.Equal(2, answers["App"]);
        Assert.Equal(1, answers["短信"]);
    }

    [Fact]
    public void Inbound_service_level_asa_aht_and_abandon()
    {
        var tally = Tally();
        CallFact Inbound(long lead, int waitSeconds, int talkSeconds, int wrapSeconds)
        {
            var queued = At(4, 9);
            var taken = queued.AddSeconds(waitSeconds);
            return new CallFact(lead, queued, queued, taken, taken.AddSeconds(talkSeconds), taken.AddSeconds(talkSeconds + wrapSeconds),
                CallOutcome.Answered, false, "refused", "a1", null, Inbound: true);
        }
        tally.Add(Inbound(1, 5, 100, 20));
        tally.Add(Inbound(2, 20, 200, 40));
        tally.Add(Inbound(3, 45, 300, 60));
        tally.Add(new CallFact(4, At(4, 9), At(4, 9), null, At(4, 9, 1), null, CallOutcome.Abandoned, true, null, null, null, Inbound: true));
        var f = tally.Result();
        var i = f.Inbound;
        Assert.Equal(4, i.Offered);
        Assert.Equal(new Ratio(2, 4), i.ServiceLevel);                   // 5 s and 20 s are within 20 s
        Assert.Equal(TimeSpan.FromSeconds(70.0 / 3), i.AverageSpeedOfAnswer);   // (5 + 20 + 45) / 3
        Assert.Equal(TimeSpan.FromSeconds(240), i.AverageHandleTime);   // (120 + 240 + 360) / 3
        Assert.Equal(new Ratio(1, 4), i.AbandonRate);
        Assert.Equal(0, f.Attempts);                                     // inbound calls are not outbound attempts
    }

    [Fact]
    public void First_contact_resolution_counts_contacts_with_no_work_order_and_no_repeat_within_seven_days()
    {
        var tally = Tally();
        var at = At(2, 10);
        tally.Add(new Outbound.Core.WorkOrders.ContactFact(at, null, null));                 // settled
        tally.Add(new Outbound.Core.WorkOrders.ContactFact(at, at.AddDays(2), null));        // called again within the week
        tally.Add(new Outbound.Core.WorkOrders.ContactFact(at, null, at.AddMinutes(5)));     // needed a work order
        tally.Add(new Outbound.Core.WorkOrders.ContactFact(at, at.AddDays(9), null));        // next contact after the week: settled
        Assert.Equal(new Ratio(2, 4), tally.Result().FirstContactResolution);
    }

    [Fact]
    public void Heat_map_holds_contact_rate_by_weekday_and_local_hour()
    {
        var tally = Tally();
        tally.Add(Connected(1, At(2, 14), "refused") with { LocalHour = 14 });
        tally.Add(Unanswered(2, At(2, 14)) with { LocalHour = 14 });
        tally.Add(Unanswered(3, At(2, 14)) with { LocalHour = 15 });  // a lead in another zone: its own hour counts
        tally.Add(Connected(4, At(7, 9), "refused"));                 // Saturday, hour from the centre's clock
        var map = tally.Result().HeatMap;
        Assert.Equal(new Ratio(1, 2), map[IsoDayOfWeek.Monday, 14]);
        Assert.Equal(new Ratio(0, 1), map[IsoDayOfWeek.Monday, 15]);
        Assert.Equal(new Ratio(1, 1), map[IsoDayOfWeek.Saturday, 9]);
        Assert.Equal([9, 14, 15], map.HoursUsed());
        Assert.Equal((IsoDayOfWeek.Saturday, 9), map.Best(minAttempts: 1) is { } b ? (b.Day, b.Hour) : default);
    }

    [Fact]
    public void Contact_rate_is_also_counted_per_region()
    {
        var tally = Tally();
        tally.Add(Connected(1, At(2, 14), "refused") with { Region = "CN-31" });
        tally.Add(Unanswered(2, At(2, 14)) with { Region = "CN-31" });
        tally.Add(Unanswered(3, At(2, 14)) with { Region = "CN-31" });
        tally.Add(Connected(4, At(2, 15), "refused") with { Region = "CN-44" });
        tally.Add(Unanswered(5, At(2, 15)));
        var byRegion = tally.Result().ContactRateByRegion;
        Assert.Equal(new Ratio(1, 3), byRegion["CN-31"]);
        Assert.Equal(new Ratio(1, 1), byRegion["CN-44"]);
        Assert.Equal(new Ratio(0, 1), byRegion[PerformanceTally.UnknownRegion]);
    }

    [Fact]
    public void Agent_table_sums_talk_and_averages_handling_time()
    {
        var tally = Tally();
        tally.Add(Connected(1, At(2, 10), "promise_to_pay", "a1", talkSeconds: 100, wrapSeconds: 20));
        tally.Add(Connected(2, At(2, 11), "third_party", "a1", talkSeconds: 200, wrapSeconds: 40));
        tally.Add(Connected(3, At(2, 11), "refused", "a2", talkSeconds: 60, wrapSeconds: 0));
        tally.Add(new PromiseFact(1, "a1", 900m, new DateOnly(2026, 3, 9), null));
        var f = tally.Result();
        var a1 = f.Agents[0];
        Assert.Equal("a1", a1.Agent);
        Assert.Equal(2, a1.Connects);
        Assert.Equal(2, a1.Contacts);
        Assert.Equal(1, a1.RightPartyContacts);
        Assert.Equal(TimeSpan.FromSeconds(300), a1.TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(180), a1.AverageHandleTime);
        Assert.Equal(900m, a1.PromisedAmount);
        Assert.Equal(TimeSpan.FromSeconds(140), f.AverageHandleTime);    // (120 + 240 + 60) / 3
    }

    [Fact]
    public void Rates_of_an_empty_period_are_unknown_not_zero()
    {
        var f = Tally().Result();
        Assert.Null(f.ContactRate.Value);
        Assert.Equal("—", f.ContactRate.Percent());
        Assert.Equal("40.0%", new Ratio(2, 5).Percent());
    }
}
