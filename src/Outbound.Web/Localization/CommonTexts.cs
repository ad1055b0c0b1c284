namespace Outbound.Web.Localization;

/// <summary>Texts shared by the layout and many pages.</summary>
public static class CommonTexts
{
    public static readonly Text Product = new("Outbound 外呼平台", "Outbound contact platform");
    public static readonly Text Home = new("首页", "Home");
    public static readonly Text Campaigns = new("外呼项目", "Campaigns");
    public static readonly Text Users = new("用户", "Users");
    public static readonly Text Tenants = new("客户（租户）", "Clients (tenants)");
    public static readonly Text Logout = new("退出", "Sign out");
    public static readonly Text Login = new("登录", "Sign in");
    public static readonly Text Language = new("语言", "Language");
    public static readonly Text Save = new("保存", "Save");
    public static readonly Text Create = new("新建", "Create");
    public static readonly Text Edit = new("编辑", "Edit");
    public static readonly Text Cancel = new("取消", "Cancel");
    public static readonly Text Back = new("返回", "Back");
    public static readonly Text Tenant = new("客户", "Client");
    public static readonly Text Code = new("编码", "Code");
    public static readonly Text Name = new("名称", "Name");
    public static readonly Text Status = new("状态", "Status");
    public static readonly Text Role = new("角色", "Role");
    public static readonly Text Email = new("邮箱", "Email");
    public static readonly Text None = new("（无）", "(none)");
    public static readonly Text FixErrors = new("请修正以下问题：", "Please fix the following:");
    public static readonly Text Saved = new("已保存。", "Saved.");
    public static readonly Text Welcome = new("欢迎，{0}", "Welcome, {0}");
    public static readonly Text HomeIntro = new("请从上方菜单选择要进行的工作。", "Choose what to work on from the menu above.");
    public static readonly Text NotFound = new("未找到。", "Not found.");
    public static readonly Text Actions = new("操作", "Actions");

    public static Text RoleName(string role) => role switch
    {
        "Admin" => new("平台管理员", "Administrator"),
        "CampaignManager" => new("项目经理", "Campaign manager"),
        "Supervisor" => new("班长", "Supervisor"),
        "Agent" => new("坐席", "Agent"),
        "Hr" => new("人事", "HR"),
        "Client" => new("客户", "Client"),
        "Qa" => new("质检员", "Quality assurance"),
        _ => new(role, role),
    };
}
