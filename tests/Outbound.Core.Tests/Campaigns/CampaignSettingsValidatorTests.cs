using System.Globalization;
using NodaTime;
using Outbound.Core.Campaigns;

namespace Outbound.Core.Tests.Campaigns;

public sealed class CampaignSettingsValidatorTests
{
    private static readonly Disposition Paid = new("paid", "已还款", true, true, true);

    private static CampaignDefinition Valid(CampaignKind kind = CampaignKind.Collections, CampaignSettings? settings = null) =>
        new("bank-collect-1", "信用卡催收", kind, DialMode.Predictive, settings ?? new CampaignSettings
        {
            CallerId = "+861095555",
            Dispositions = [Paid],
            CallingWindows = [new(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))],
        });

    private static Questionnaire Survey(params Question[] questions) => new("95598 回访", questions);

    private static IReadOnlyList<CampaignProblem> Problems(CampaignDefinition c) =>
        CampaignSettingsValidator.Validate(c).Select(e => e.Problem).ToList();

    private static CampaignDefinition With(Func<CampaignSettings, CampaignSettings> change, CampaignKind kind = CampaignKind.Collections)
    {
        var c = Valid(kind);
        return c with { Settings = change(c.Settings) };
    }

    [Fact]
    public void A_complete_collections_campaign_is_accepted() => Assert.Empty(Problems(Valid()));

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("0.0501")]
    public void Abandon_cap_must_lie_in_zero_exclusive_to_five_percent(string cap)
    {
        var c = With(s => s with { Regulator = RegulatorPreset.Custom, AbandonCap = decimal.Parse(cap, CultureInfo.InvariantCulture) });
        Assert.Equal([CampaignProblem.AbandonCapRange], Problems(c));
    }

    [Fact]
    public void Custom_preset_accepts_a_five_percent_cap_but_regulated_presets_stop_at_three()
    {
        Assert.Empty(Problems(With(s => s with { Regulator = RegulatorPreset.Custom, AbandonCap = 0.05m })));
        Assert.Equal([CampaignProblem.AbandonCapAbovePreset], Problems(With(s => s with { Regulator = RegulatorPreset.UkOfcom, AbandonCap = 0.04m })));
    }

    [Theory]
    [InlineData(0, CampaignProblem.AbandonWindowRange)]
    [InlineData(721, CampaignProblem.AbandonWindowRange)]
    [InlineData(48, CampaignProblem.AbandonWindowAbovePreset)]
    public void Abandon_window_is_bounded_by_platform_and_preset(int hours, CampaignProblem expected) =>
        Assert.Equal([expected], Problems(With(s => s with { AbandonWindowHours = hours })));

    [Fact]
    public void Us_tsr_allows_a_thirty_day_window() =>
        Assert.Empty(Problems(With(s => s with { Regulator = RegulatorPreset.UsTsr, AbandonWindowHours = 720 })));

    [Fact]
    public void Window_must_start_before_it_ends()
    {
        var c = With(s => s with { CallingWindows = [new(IsoDayOfWeek.Tuesday, new LocalTime(14, 0), new LocalTime(14, 0))] });
        Assert.Equal([CampaignProblem.WindowStartNotBeforeEnd], Problems(c));
    }

    [Fact]
    public void Overlapping_windows_on_the_same_day_are_refused_but_touching_ones_and_other_days_are_fine()
    {
        var overlapping = With(s => s with
        {
            CallingWindows =
            [
                new(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)),
                new(IsoDayOfWeek.Monday, new LocalTime(11, 30), new LocalTime(13, 0)),
            ],
        });
        Assert.Equal([CampaignProblem.WindowsOverlap], Problems(overlapping));

        var touching = With(s => s with
        {
            CallingWindows =
            [
                new(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)),
                new(IsoDayOfWeek.Monday, new LocalTime(12, 0), new LocalTime(13, 0)),
                new(IsoDayOfWeek.Tuesday, new LocalTime(11, 0), new LocalTime(13, 0)),
            ],
        });
        Assert.Empty(Problems(touching));
    }

    [Theory]
    [InlineData(RegulatorPreset.CnConsumerCollections, 7, 30, 12, 0, true)]
    [InlineData(RegulatorPreset.CnConsumerCollections, 20, 0, 22, 0, false)]
    [InlineData(RegulatorPreset.CnConsumerCollections, 20, 0, 22, 30, true)]
    [InlineData(RegulatorPreset.UsTsr, 20, 0, 21, 30, true)]
    [InlineData(RegulatorPreset.UsTsr, 8, 0, 21, 0, false)]
    [InlineData(RegulatorPreset.Custom, 0, 0, 23, 59, false)]
    public void Preset_limits_the_hours_of_calling_windows(RegulatorPreset preset, int sh, int sm, int eh, int em, bool refused)
    {
        var c = With(s => s with
        {
            Regulator = preset,
            CallingWindows = [new(IsoDayOfWeek.Friday, new LocalTime(sh, sm), new LocalTime(eh, em))],
        });
        Assert.Equal(refused, Problems(c).Contains(CampaignProblem.WindowOutsidePreset));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Max_attempts_lie_between_one_and_fifty(int attempts) =>
        Assert.Equal([CampaignProblem.MaxAttemptsRange], Problems(With(s => s with { MaxAttempts = attempts })));

    [Theory]
    [InlineData("+8610955551", true)]
    [InlineData("95555", true)]
    [InlineData("010-95555", false)]
    [InlineData("+0123456", false)]
    [InlineData("12", false)]
    public void Caller_id_is_e164_or_digits(string callerId, bool accepted) =>
        Assert.Equal(accepted, !Problems(With(s => s with { CallerId = callerId })).Contains(CampaignProblem.CallerIdFormat));

    [Fact]
    public void Outbound_campaigns_need_a_caller_id_and_inbound_ones_do_not()
    {
        Assert.Equal([CampaignProblem.CallerIdRequired], Problems(With(s => s with { CallerId = " " })));
        Assert.Empty(Problems(With(s => s with { CallerId = "" }, CampaignKind.Inbound)));
    }

    [Fact]
    public void Retry_delay_must_be_positive()
    {
        var c = With(s => s with { RetryDelayMinutes = new Dictionary<CallOutcome, int> { [CallOutcome.Busy] = 0 } });
        var error = Assert.Single(CampaignSettingsValidator.Validate(c));
        Assert.Equal(CampaignProblem.RetryDelayRange, error.Problem);
        Assert.Equal("Settings.RetryDelayMinutes[Busy]", error.Field);
    }

    [Fact]
    public void Dispositions_need_at_least_one_and_unique_codes()
    {
        Assert.Equal([CampaignProblem.DispositionRequired], Problems(With(s => s with { Dispositions = [] })));
        Assert.Equal([CampaignProblem.DispositionCodeDuplicate], Problems(With(s => s with { Dispositions = [Paid, Paid with { Label = "另一个" }] })));
        Assert.Equal([CampaignProblem.DispositionCodeFormat], Problems(With(s => s with { Dispositions = [Paid with { Code = "Paid!" }] })));
    }

    [Fact]
    public void Custom_field_keys_are_unique_identifiers_with_labels()
    {
        var amount = new LeadFieldDefinition("amount_due", "逾期金额", LeadFieldType.Money);
        Assert.Empty(Problems(With(s => s with { CustomFields = [amount] })));
        Assert.Equal([CampaignProblem.FieldKeyDuplicate], Problems(With(s => s with { CustomFields = [amount, amount] })));
        Assert.Equal([CampaignProblem.FieldKeyFormat, CampaignProblem.FieldLabelRequired],
            Problems(With(s => s with { CustomFields = [new("1st", "", LeadFieldType.Text)] })));
    }

    [Fact]
    public void A_callback_survey_needs_a_questionnaire() =>
        Assert.Equal([CampaignProblem.QuestionnaireRequired], Problems(Valid(CampaignKind.CallbackSurvey)));

    [Fact]
    public void Skip_logic_must_name_offered_answers_and_existing_later_questions()
    {
        var q1 = new Question("q1", "是否本人？", QuestionType.SingleChoice, ["是", "否"], SkipTo: new Dictionary<string, string> { ["否"] = "end", ["是"] = "q2" });
        var q2 = new Question("q2", "满意度", QuestionType.Scale, [], 1, 5, new Dictionary<string, string> { ["1"] = "q3" });
        var q3 = new Question("q3", "意见", QuestionType.Text, []);
        Assert.Empty(Problems(With(s => s with { Questionnaire = Survey(q1, q2, q3) }, CampaignKind.CallbackSurvey)));

        var unknownTarget = q1 with { SkipTo = new Dictionary<string, string> { ["否"] = "q9" } };
        Assert.Equal([CampaignProblem.SkipTargetUnknown], Problems(With(s => s with { Questionnaire = Survey(unknownTarget, q2, q3) })));

        var backwards = q2 with { SkipTo = new Dictionary<string, string> { ["2"] = "q1" } };
        Assert.Equal([CampaignProblem.SkipTargetNotForward], Problems(With(s => s with { Questionnaire = Survey(q1, backwards, q3) })));

        var unknownAnswer = q2 with { SkipTo = new Dictionary<string, string> { ["6"] = "q3" } };
        Assert.Equal([CampaignProblem.SkipAnswerUnknown], Problems(With(s => s with { Questionnaire = Survey(q1, unknownAnswer, q3) })));
    }

    [Fact]
    public void Questions_need_unique_ids_text_and_enough_options()
    {
        var bad = new Question("q1", "", QuestionType.SingleChoice, ["是"]);
        var twin = new Question("q1", "再问", QuestionType.Text, []);
        Assert.Equal([CampaignProblem.QuestionIdDuplicate, CampaignProblem.QuestionTextRequired, CampaignProblem.QuestionOptionsTooFew],
            Problems(With(s => s with { Questionnaire = Survey(bad, twin) })));
        Assert.Equal([CampaignProblem.QuestionRequired], Problems(With(s => s with { Questionnaire = Survey() })));
    }

    [Fact]
    public void Code_and_name_are_checked()
    {
        Assert.Equal([CampaignProblem.CodeFormat, CampaignProblem.NameRequired], Problems(Valid() with { Code = "Bank Collect", Name = " " }));
    }

    [Fact]
    public void Every_problem_has_a_chinese_and_an_english_text_with_its_arguments()
    {
        var error = new CampaignValidationError("Settings.CallingWindows[0]", CampaignProblem.WindowOutsidePreset,
            [IsoDayOfWeek.Monday, new LocalTime(7, 0), new LocalTime(9, 0), new LocalTime(8, 0), new LocalTime(22, 0)]);
        Assert.Equal("周一 的呼叫时段 07:00–09:00 超出监管允许的 08:00–22:00。", CampaignProblemText.Format(error, new CultureInfo("zh-CN")));
        Assert.Equal("Calling window Monday 07:00–09:00 lies outside the 08:00–22:00 the regulator allows.", CampaignProblemText.Format(error, new CultureInfo("en")));
        foreach (var problem in Enum.GetValues<CampaignProblem>())
        {
            var e = new CampaignValidationError("x", problem, ["a", "b", "c", "d", "e", "f"]);
            Assert.NotEqual(CampaignProblemText.Format(e, new CultureInfo("zh-CN")), CampaignProblemText.Format(e, new CultureInfo("en")));
        }
    }
}
