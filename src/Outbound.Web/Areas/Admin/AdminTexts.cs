using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Admin;

public static class AdminTexts
{
    public static readonly Text UsersTitle = new("用户管理", "Users");
    public static readonly Text NewUser = new("新建用户", "New user");
    public static readonly Text DisplayName = new("姓名", "Display name");
    public static readonly Text InitialPassword = new("初始密码", "Initial password");
    public static readonly Text NewPassword = new("新密码", "New password");
    public static readonly Text Locked = new("已冻结", "Locked");
    public static readonly Text Active = new("正常", "Active");
    public static readonly Text Unlock = new("解冻", "Unlock");
    public static readonly Text Reset = new("重置密码", "Reset password");
    public static readonly Text Unlocked = new("已解冻 {0}。", "Unlocked {0}.");
    public static readonly Text PasswordReset = new("已重置 {0} 的密码，账号已解冻。", "Password of {0} reset; the account is unlocked.");
    public static readonly Text UserCreated = new("已创建用户 {0}。", "Created user {0}.");
    public static readonly Text ClientNeedsTenant = new("客户角色的用户必须属于一个客户（租户）。", "A Client user must belong to a client (tenant).");
    public static readonly Text StaffHasNoTenant = new("平台员工不属于任何客户，请不要选择客户。", "Operator staff belong to no client; leave the client empty.");
    public static readonly Text EmailRequired = new("请填写有效的邮箱。", "Enter a valid email.");
    public static readonly Text DisplayNameRequired = new("请填写姓名。", "Enter a display name.");
    public static readonly Text DuplicateEmail = new("该邮箱已被使用。", "This email is already in use.");
    public static readonly Text PasswordRules = new("密码至少 8 位，须包含大写字母、小写字母、数字和符号。", "A password needs at least 8 characters with upper- and lower-case letters, a digit and a symbol.");
    public static readonly Text TenantsTitle = new("客户（租户）管理", "Clients (tenants)");
    public static readonly Text NewTenant = new("新建客户", "New client");
    public static readonly Text TenantCodeFormat = new("编码须为 2–63 位小写字母、数字或连字符。", "The code must be 2–63 lower-case letters, digits or hyphens.");
    public static readonly Text TenantNameRequired = new("请填写客户名称。", "Enter the client's name.");
    public static readonly Text TenantCodeTaken = new("该编码已存在。", "This code already exists.");
    public static readonly Text TenantCreated = new("已创建客户 {0}。", "Created client {0}.");
}
