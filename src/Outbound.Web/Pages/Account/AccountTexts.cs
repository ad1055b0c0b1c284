using Outbound.Web.Localization;

namespace Outbound.Web.Pages.Account;

public static class AccountTexts
{
    public static readonly Text Title = new("登录", "Sign in");
    public static readonly Text Email = new("邮箱", "Email");
    public static readonly Text Password = new("密码", "Password");
    public static readonly Text Submit = new("登录", "Sign in");
    public static readonly Text Failed = new("邮箱或密码不正确。", "Wrong email or password.");
    public static readonly Text LockedOut = new("账号已被冻结（连续 5 次密码错误），请联系管理员解冻或 15 分钟后再试。",
        "This account is locked after 5 failed sign-ins. Ask an administrator to unlock it, or try again in 15 minutes.");
    public static readonly Text Required = new("请填写邮箱和密码。", "Enter your email and password.");
    public static readonly Text AccessDeniedTitle = new("没有权限", "Access denied");
    public static readonly Text AccessDenied = new("您的角色无权访问该页面。", "Your role does not allow this page.");
}
