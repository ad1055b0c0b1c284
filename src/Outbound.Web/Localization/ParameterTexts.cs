namespace Outbound.Web.Localization;

/// <summary>Why a page cannot use a parameter of its address (shown with a 400).</summary>
public static class ParameterTexts
{
    public static readonly Text BadMonth = new("月份应为 2000-01 至 2099-12 之间的 YYYY-MM。", "The month must be YYYY-MM, from 2000-01 to 2099-12.");
    public static readonly Text BadDay = new("日期应为 2000-01-01 至 2099-12-31 之间的 YYYY-MM-DD。", "A day must be YYYY-MM-DD, from 2000-01-01 to 2099-12-31.");
    public static readonly Text PeriodReversed = new("结束日期早于开始日期。", "The end day is before the start day.");
    public static readonly Text NoCampaign = new("请指定项目。", "Name a campaign.");
    public static readonly Text ChooseAgentAndDay = new("请选择人员和日期。", "Choose a person and a day.");
    public static readonly Text TooLong = new("“{0}”不能超过 {1} 个字符。", "{0} must be at most {1} characters.");
    public static readonly Text NoStaffRecord = new("此人没有员工档案，无法生成考核单。", "This person has no staff record, so there is no statement.");
}
