using Outbound.Core.Ivr;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>Texts of the IVR editor.</summary>
public static class IvrTexts
{
    public static readonly Text Title = new("IVR 语音导航：{0}", "IVR menus: {0}");
    public static readonly Text Help = new(
        "以 JSON 编辑菜单树：每个菜单有提示音、按键选择（goto 跳转、info 自助播报、queue 转队列、voicemail 留言、hangup 挂机、repeat 重听）、超时和无效按键处理。保存前会检查：无死路、无无出口的循环。",
        "Edit the menu tree as JSON: each menu has a prompt, key choices (goto, info, queue, voicemail, hangup, repeat), and what a timeout or an invalid key does. Saving checks there are no dead ends and no loops without a way out.");
    public static readonly Text Tree = new("菜单树 (JSON)", "Menu tree (JSON)");
    public static readonly Text Saved = new("已保存 IVR 菜单。", "IVR menus saved.");
    public static readonly Text NotJson = new("无法解析 JSON：{0}", "The JSON cannot be read: {0}");
    public static readonly Text NotInbound = new("只有呼入项目才有 IVR。", "Only inbound campaigns have an IVR.");

    public static string Describe(IvrProblem p) => (p.Kind switch
    {
        IvrProblemKind.NoMenus => new Text("至少需要一个菜单。", "At least one menu is needed."),
        IvrProblemKind.RootMissing => new Text("入口菜单 {0} 不存在。", "The entry menu {0} does not exist."),
        IvrProblemKind.DuplicateMenu => new Text("菜单 {0} 重复。", "Menu {0} appears twice."),
        IvrProblemKind.UnknownTarget => new Text("菜单 {0} 跳转到不存在的菜单 {1}。", "Menu {0} goes to a menu {1} that does not exist."),
        IvrProblemKind.InvalidKey => new Text("菜单 {0} 的按键 {1} 不是电话按键。", "Menu {0}: key {1} is not a phone key."),
        IvrProblemKind.NoChoices => new Text("菜单 {0} 没有任何按键选择。", "Menu {0} offers no key."),
        IvrProblemKind.DeadEnd => new Text("菜单 {0} 是死路：无法到达队列、留言或挂机。", "Menu {0} is a dead end: no way to a queue, voicemail or hang-up."),
        IvrProblemKind.LoopWithoutExit => new Text("菜单 {0} 处于没有出口的循环中。", "Menu {0} is in a loop without a way out."),
        IvrProblemKind.UnreachableMenu => new Text("菜单 {0} 从入口无法到达。", "Menu {0} cannot be reached from the entry."),
        IvrProblemKind.BadRetries => new Text("菜单 {0} 的重试次数至少为 1。", "Menu {0} needs at least one retry."),
        _ => new Text("{0}: {1}", "{0}: {1}"),
    }).Format(p.MenuId ?? "", p.Detail ?? "");
}
