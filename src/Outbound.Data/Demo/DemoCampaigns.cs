using NodaTime;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;

namespace Outbound.Data.Demo;

/// <summary>
/// The demo campaigns of DESIGN.md: a bank's collections and a 95598 power-utility callback survey, plus the power
/// utility's inbound hotline, whose queue simulated callers reach in the demo.
/// </summary>
public static class DemoCampaigns
{
    public const string BankTenant = "demo-bank";
    public const string PowerTenant = "demo-power";
    public const string BankCollections = "bank-collect-1";
    public const string PowerSurvey = "power-survey-1";
    public const string PowerHotline = "power-hotline-1";

    public static CampaignDefinition Bank { get; } = new(BankCollections, "信用卡逾期催收（M1）", CampaignKind.Collections, DialMode.Predictive,
        new CampaignSettings
        {
            Regulator = RegulatorPreset.CnConsumerCollections,
            AbandonCap = 0.03m,
            AbandonWindowHours = 24,
            CallingWindows = EveryDay((9, 0, 12, 0), (13, 30, 20, 30)),
            MaxAttempts = 6,
            CallerId = "+862160001234",
            Script = "您好，这里是示范银行信用卡中心。请问是{name}先生/女士本人吗？您尾号的信用卡目前逾期{days_past_due}天，欠款{amount}元，请问您今天能安排还款吗？",
            CustomFields =
            [
                // amount and days_past_due refine the list loader's standard fields of those keys.
                new("amount", "逾期金额（元）", LeadFieldType.Money, Required: true),
                new("days_past_due", "逾期天数", LeadFieldType.Number, Required: true),
                new("product", "产品", LeadFieldType.Text),
            ],
            Dispositions =
            [
                new("promise_to_pay", "承诺还款", IsContact: true, IsRightPartyContact: true, IsFinal: true, IsPromiseToPay: true),
                new("paid", "已还款", true, true, true),
                new("refused", "本人拒绝还款", true, true, false),
                new("third_party", "第三方接听", true, false, false),
                new("callback", "预约回拨", true, true, false),
                new("wrong_number", "号码错误", false, false, true),
            ],
        });

    public static CampaignDefinition Power { get; } = new(PowerSurvey, "95598 服务满意度回访", CampaignKind.CallbackSurvey, DialMode.Progressive,
        new CampaignSettings
        {
            Regulator = RegulatorPreset.Custom,
            AbandonCap = 0.03m,
            AbandonWindowHours = 24,
            CallingWindows = EveryDay((9, 0, 12, 0), (14, 0, 20, 0)),
            RetryDelayMinutes = new Dictionary<CallOutcome, int> { [CallOutcome.Busy] = 15, [CallOutcome.NoAnswer] = 120, [CallOutcome.Abandoned] = 60 },
            MaxAttempts = 3,
            CallerId = "95598",
            AmdEnabled = false,
            Script = "您好，这里是国网95598供电服务回访中心，耽误您一分钟时间，就您近期反映的用电问题做个回访。",
            CustomFields =
            [
                new("work_order", "工单号", LeadFieldType.Text, Required: true),
                new("account_no", "户号", LeadFieldType.Text),
                new("complaint_type", "工单类型", LeadFieldType.Text),
                new("accepted_at", "受理时间", LeadFieldType.Text),
            ],
            Dispositions =
            [
                new("completed", "回访完成", true, true, true),
                new("refused", "拒绝回访", true, true, true),
                new("not_owner", "非本人", true, false, false),
                new("callback", "预约回访", true, true, false),
                new("wrong_number", "号码错误", false, false, true),
            ],
            Questionnaire = new Questionnaire("95598 供电服务满意度回访",
            [
                new("owner", "请问您是工单登记的联系人本人吗？", QuestionType.SingleChoice, ["是", "否"],
                    SkipTo: new Dictionary<string, string> { ["否"] = CampaignSettingsValidator.EndOfSurvey }),
                new("resolved", "您反映的问题是否已经解决？", QuestionType.SingleChoice, ["已解决", "未解决"],
                    SkipTo: new Dictionary<string, string> { ["已解决"] = "attitude" }),
                new("unresolved_reason", "未解决的原因是？", QuestionType.SingleChoice, ["无人联系", "正在处理", "处理结果不满意", "其他"]),
                new("attitude", "您对供电服务人员的服务态度打几分？（1–5 分）", QuestionType.Scale, [], 1, 5),
                new("overall", "您对本次服务的总体评价是？", QuestionType.SingleChoice, ["非常满意", "满意", "一般", "不满意"],
                    SkipTo: new Dictionary<string, string> { ["非常满意"] = CampaignSettingsValidator.EndOfSurvey, ["满意"] = CampaignSettingsValidator.EndOfSurvey }),
                new("suggestion", "您有什么意见或建议？", QuestionType.Text, []),
            ]),
        });

    public static CampaignDefinition Hotline { get; } = new(PowerHotline, "95598 供电服务热线", CampaignKind.Inbound, DialMode.Manual,
        new CampaignSettings
        {
            Regulator = RegulatorPreset.Custom,
            AbandonCap = 0.05m,
            AbandonWindowHours = 24,
            // A hotline answers round the clock: the windows only bound outbound dialing, which it does not do.
            CallingWindows = EveryDay((0, 0, 23, 59)),
            MaxAttempts = 1,
            AmdEnabled = false,
            // An inbound campaign's caller id is its hotline number: on the Sip adapter, calls to it reach this queue once started.
            CallerId = "95598",
            Script = "您好，国网95598供电服务热线，请问有什么可以帮您？",
            Dispositions =
            [
                new("resolved", "当场解答", true, true, true),
                new("work_order", "已派工单", true, true, true),
                new("complaint", "投诉登记", true, true, true),
            ],
        });

    /// <summary>
    /// The hotline's queue: answered quickly by the demo's bots, a short wrap-up so the figures move, and a max wait after which
    /// the caller is offered a callback (so the demo also shows some overflow when callers pile up).
    /// </summary>
    public static QueuePolicy HotlineQueue { get; } = new()
    {
        Strategy = RoutingStrategy.LongestIdle,
        WrapUp = TimeSpan.FromSeconds(5),
        OfferTimeout = TimeSpan.FromSeconds(10),
        MaxWait = TimeSpan.FromSeconds(90),
        Overflow = OverflowAction.CallbackOffer,
        AnnounceEvery = TimeSpan.FromSeconds(30),
        ServiceLevelTarget = TimeSpan.FromSeconds(20),
    };

    private static IReadOnlyList<CallingWindow> EveryDay(params (int Sh, int Sm, int Eh, int Em)[] spans) =>
        Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
            .SelectMany(d => spans.Select(s => new CallingWindow(d, new LocalTime(s.Sh, s.Sm), new LocalTime(s.Eh, s.Em))))
            .ToList();
}
