using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Campaigns;

/// <summary>Texts of the campaign staffing page.</summary>
public static class StaffTexts
{
    public static readonly Text Staff = new("坐席分配", "Staffing");
    public static readonly Text Title = new("{0} · 坐席分配", "{0} · staffing");
    public static readonly Text Intro = new("勾选在本项目工作的坐席和班长。坐席只能看到并接听已分配项目的客户。",
        "Tick the agents and supervisors who work this campaign. Agents see and take only the customers of campaigns they are assigned to.");
    public static readonly Text Assigned = new("已分配", "Assigned");
    public static readonly Text NoStaff = new("还没有坐席或班长账号。", "There are no agent or supervisor logins yet.");
    public static readonly Text Saved = new("已保存：{0} 人在本项目工作。", "Saved: {0} people work this campaign.");
}
