namespace Outbound.Core.Quality;

/// <summary>
/// The form a new evaluation form starts from (and the demo's): the common outbound service checklist — opening,
/// verification, handling, closing — with two critical items and two deduction items. Labels are the client's
/// content, edited per tenant or campaign, not UI text.
/// </summary>
public static class StarterForm
{
    public const string ServiceLanguageKey = "service-language";
    public const string PrivacyKey = "privacy";

    public static EvaluationForm Create(string name = "外呼服务质检评分表") => new(name,
    [
        new FormSection("开场 Opening",
        [
            new FormItem("greeting", "使用标准开场白并自报工号", ItemKind.YesNo, 10),
            new FormItem("identity", "核实客户身份(本人确认)", ItemKind.YesNo, 10),
        ]),
        new FormSection("沟通 Handling",
        [
            new FormItem("listening", "耐心倾听,不打断客户", ItemKind.Scale, 20, ScaleMax: 5),
            new FormItem("accuracy", "业务解释准确完整", ItemKind.Scale, 25, ScaleMax: 5),
            new FormItem("tone", "语气亲切,语速适中", ItemKind.Scale, 15, ScaleMax: 5),
            new FormItem(ServiceLanguageKey, "服务用语规范(无不文明用语)", ItemKind.YesNo, 0, Critical: true, AllowNotApplicable: false,
                Topic: CriticalTopic.ServiceLanguage),
            new FormItem(PrivacyKey, "未向第三方泄露客户信息", ItemKind.YesNo, 0, Critical: true),
        ]),
        new FormSection("结束 Closing",
        [
            new FormItem("summary", "复述约定事项(还款金额/日期或问卷结果)", ItemKind.YesNo, 10),
            new FormItem("closing", "使用标准结束语", ItemKind.YesNo, 10),
            new FormItem("dead-air", "长时间静音(超过10秒)", ItemKind.Deduction, 0, DeductionPoints: 2),
            new FormItem("hold-unannounced", "未告知客户即保持通话", ItemKind.Deduction, 0, DeductionPoints: 3),
        ]),
    ], EvaluationForm.DefaultBands, CriticalFailureMode.ScoreZero);
}
