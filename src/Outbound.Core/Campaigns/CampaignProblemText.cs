using System.Globalization;
using NodaTime;

namespace Outbound.Core.Campaigns;

/// <summary>The zh-CN and English texts of <see cref="CampaignProblem"/>s, with their arguments formatted for people.</summary>
public static class CampaignProblemText
{
    private static readonly Dictionary<CampaignProblem, (string Zh, string En)> Texts = new()
    {
        [CampaignProblem.CodeFormat] = ("编码须为 2–63 位小写字母、数字或连字符，并以字母或数字开头。", "The code must be 2–63 lower-case letters, digits or hyphens, starting with a letter or digit."),
        [CampaignProblem.NameRequired] = ("请填写名称。", "The name is required."),
        [CampaignProblem.NameTooLong] = ("名称不能超过 {0} 个字符。", "The name must be at most {0} characters."),
        [CampaignProblem.AbandonCapRange] = ("放弃率上限须大于 0 且不超过 {0:P0}。", "The abandon cap must be above 0 and at most {0:P0}."),
        [CampaignProblem.AbandonCapAbovePreset] = ("所选监管规则要求放弃率上限不超过 {0:P0}。", "The chosen regulator preset allows an abandon cap of at most {0:P0}."),
        [CampaignProblem.AbandonWindowRange] = ("放弃率统计窗口须在 {0}–{1} 小时之间。", "The abandon window must be between {0} and {1} hours."),
        [CampaignProblem.AbandonWindowAbovePreset] = ("所选监管规则要求统计窗口不超过 {0} 小时。", "The chosen regulator preset measures over at most {0} hours."),
        [CampaignProblem.AmdFalsePositiveRange] = ("答录机检测误判率须在 0–{0:P0} 之间。", "The detector's false-positive rate must be between 0 and {0:P0}."),
        [CampaignProblem.WindowStartNotBeforeEnd] = ("{0} 的呼叫时段 {1}–{2}：开始时间须早于结束时间。", "Calling window {0} {1}–{2}: the start must be before the end."),
        [CampaignProblem.WindowsOverlap] = ("{0} 的呼叫时段 {1}–{2} 与 {3}–{4} 重叠。", "Calling window {0} {1}–{2} overlaps {3}–{4}."),
        [CampaignProblem.WindowOutsidePreset] = ("{0} 的呼叫时段 {1}–{2} 超出监管允许的 {3}–{4}。", "Calling window {0} {1}–{2} lies outside the {3}–{4} the regulator allows."),
        [CampaignProblem.RetryDelayRange] = ("“{0}”的重拨间隔须在 {1}–{2} 分钟之间。", "The retry delay after '{0}' must be between {1} and {2} minutes."),
        [CampaignProblem.MaxAttemptsRange] = ("最大拨打次数须在 {0}–{1} 之间。", "Max attempts must be between {0} and {1}."),
        [CampaignProblem.CallerIdRequired] = ("外呼项目须填写主叫号码。", "An outbound campaign needs a caller id."),
        [CampaignProblem.CallerIdFormat] = ("主叫号码须为 E.164 格式（如 +8610…）或 3–20 位数字。", "The caller id must be E.164 (e.g. +8610…) or 3–20 digits."),
        [CampaignProblem.ScriptTooLong] = ("话术不能超过 {0} 个字符。", "The script must be at most {0} characters."),
        [CampaignProblem.WrapUpRange] = ("话后处理时间须在 {0}–{1} 秒之间。", "Wrap-up time must be between {0} and {1} seconds."),
        [CampaignProblem.PreviewCountdownRange] = ("预览倒计时须在 {0}–{1} 秒之间。", "The preview countdown must be between {0} and {1} seconds."),
        [CampaignProblem.FieldKeyFormat] = ("自定义字段键“{0}”须以小写字母开头，仅含小写字母、数字和下划线（最多 40 位）。", "Custom field key '{0}' must start with a lower-case letter and hold only lower-case letters, digits and underscores (at most 40)."),
        [CampaignProblem.FieldKeyDuplicate] = ("自定义字段键“{0}”重复。", "Custom field key '{0}' is used twice."),
        [CampaignProblem.FieldLabelRequired] = ("自定义字段“{0}”须有显示名称。", "Custom field '{0}' needs a label."),
        [CampaignProblem.DispositionRequired] = ("至少需要一个通话结果（处置码）。", "At least one disposition is required."),
        [CampaignProblem.DispositionCodeFormat] = ("处置码“{0}”须以小写字母开头，仅含小写字母、数字和下划线。", "Disposition code '{0}' must start with a lower-case letter and hold only lower-case letters, digits and underscores."),
        [CampaignProblem.DispositionCodeDuplicate] = ("处置码“{0}”重复。", "Disposition code '{0}' is used twice."),
        [CampaignProblem.DispositionLabelRequired] = ("处置码“{0}”须有显示名称。", "Disposition '{0}' needs a label."),
        [CampaignProblem.QuestionnaireRequired] = ("回访项目须配置问卷。", "A callback survey needs a questionnaire."),
        [CampaignProblem.QuestionnaireTitleRequired] = ("请填写问卷标题。", "The questionnaire needs a title."),
        [CampaignProblem.QuestionRequired] = ("问卷至少需要一个问题。", "The questionnaire needs at least one question."),
        [CampaignProblem.QuestionIdFormat] = ("问题编号“{0}”须以小写字母开头，仅含小写字母、数字和下划线。", "Question id '{0}' must start with a lower-case letter and hold only lower-case letters, digits and underscores."),
        [CampaignProblem.QuestionIdDuplicate] = ("问题编号“{0}”重复。", "Question id '{0}' is used twice."),
        [CampaignProblem.QuestionTextRequired] = ("问题“{0}”须有题目文字。", "Question '{0}' needs its text."),
        [CampaignProblem.QuestionOptionsTooFew] = ("选择题“{0}”至少需要两个选项。", "Choice question '{0}' needs at least two options."),
        [CampaignProblem.QuestionOptionDuplicate] = ("问题“{0}”的选项“{1}”重复。", "Question '{0}' lists option '{1}' twice."),
        [CampaignProblem.QuestionScaleRange] = ("评分题“{0}”的范围须在 0–10 之间且最小值小于最大值。", "Scale question '{0}' must range within 0–10 with min below max."),
        [CampaignProblem.SkipAnswerUnknown] = ("问题“{0}”的跳转规则引用了不存在的答案“{1}”。", "Question '{0}' has a skip rule for answer '{1}', which it does not offer."),
        [CampaignProblem.SkipTargetUnknown] = ("问题“{0}”跳转到不存在的问题“{1}”。", "Question '{0}' skips to '{1}', which does not exist."),
        [CampaignProblem.SkipTargetNotForward] = ("问题“{0}”只能向后跳转，“{1}”在它之前。", "Question '{0}' may only skip forward, and '{1}' comes before it."),
    };

    private static readonly string[] DaysZh = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    public static string Format(CampaignValidationError error, CultureInfo culture)
    {
        var chinese = culture.TwoLetterISOLanguageName == "zh";
        var (zh, en) = Texts[error.Problem];
        var args = error.Args.Select(a => FormatArg(a, chinese)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, chinese ? zh : en, args);
    }

    private static object FormatArg(object arg, bool chinese) => arg switch
    {
        LocalTime t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        IsoDayOfWeek d => chinese ? DaysZh[(int)d] : d.ToString(),
        _ => arg,
    };
}
