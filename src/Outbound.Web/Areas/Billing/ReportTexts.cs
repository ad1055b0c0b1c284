using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Billing;

/// <summary>Texts of the performance report pages.</summary>
public static class ReportTexts
{
    public static readonly Text Attempts = new("外呼次数", "Attempts");
    public static readonly Text Leads = new("名单数", "Leads");
    public static readonly Text Connects = new("接通坐席", "Connects");
    public static readonly Text Contacts = new("有效联系", "Contacts");
    public static readonly Text ContactRate = new("联系率", "Contact rate");
    public static readonly Text RpcRate = new("本人联系率", "RPC rate");
    public static readonly Text AbandonRate = new("放弃率", "Abandon rate");
    public static readonly Text Fcr = new("一次解决率", "FCR");
    public static readonly Text Aht = new("平均处理时长", "AHT");
    public static readonly Text Dispositions = new("处置结果", "Dispositions");
    public static readonly Text Disposition = new("处置", "Disposition");
    public static readonly Text Calls = new("次数", "Calls");
    public static readonly Text Promises = new("承诺还款", "Promises to pay");
    public static readonly Text KeptRate = new("履约率", "kept rate");
    public static readonly Text Survey = new("回访问卷", "Survey");
    public static readonly Text Completion = new("问卷完成率", "Completion rate");
    public static readonly Text AbandonPerDay = new("每日放弃率", "Abandon rate per day");
    public static readonly Text Day = new("日期", "Day");
    public static readonly Text Abandoned = new("放弃", "Abandoned");
    public static readonly Text Live = new("实时呼叫", "Live calls");
    public static readonly Text Rate = new("比率", "Rate");
    public static readonly Text Cap = new("上限", "Cap");
    public static readonly Text Inbound = new("呼入服务", "Inbound service");
    public static readonly Text Agents = new("坐席表现", "Agents");
    public static readonly Text Agent = new("坐席", "Agent");
    public static readonly Text RightPartyContacts = new("本人联系", "RPC");
    public static readonly Text ServiceLevel = new("服务水平", "Service level");
    public static readonly Text Asa = new("平均应答速度", "ASA");
    public static readonly Text Bot = new("演示机器人 {0} 号", "Demo bot {0}");
    public static readonly Text FormerAgent = new("（已删除的坐席）", "(former agent)");

    /// <summary>An agent by name: a person's display name, a demo bot as a bot; never the internal id.</summary>
    public static string AgentName(Outbound.Data.Identity.AgentName name) =>
        name.BotNumber is { } bot ? Bot.Format(bot) : name.DisplayName ?? FormerAgent;
    public static readonly Text ByRegion = new("地区联系率", "Contact rate by region");
    public static readonly Text Region = new("地区", "Region");
    public static readonly Text BestTime = new("最佳拨打时间（联系率 %，星期 × 小时）", "Best time to call (contact rate %, weekday × hour)");
}
