using System.Globalization;
using Outbound.Web.Localization;

namespace Outbound.Web.Pages.Account;

public static class AccountTexts
{
    public static readonly Text Title = new("登录", "Sign in");
    public static readonly Text Email = new("邮箱", "Email");
    public static readonly Text Password = new("密码", "Password");
    public static readonly Text Submit = new("登录", "Sign in");
    public static readonly Text Failed = new("邮箱或密码不正确。", "Wrong email or password.");
    public static readonly Text Required = new("请填写邮箱和密码。", "Enter your email and password.");
    public static readonly Text TooManyFromHere = new("登录尝试过于频繁，请稍等一会儿再试。", "Too many sign-in attempts from here; wait a little and try again.");
    public static readonly Text TooManyForAccount = new("该账号的登录尝试过于频繁，请一分钟后再试。",
        "Too many sign-in attempts for this account right now; try again in a minute.");
    public static readonly Text LockedByAdministrator = new("账号已被冻结，请联系管理员解冻。", "This account is locked. Ask an administrator to unlock it.");
    public static readonly Text AccessDeniedTitle = new("没有权限", "Access denied");
    public static readonly Text AccessDenied = new("您的角色无权访问该页面。", "Your role does not allow this page.");

    /// <summary>The same words whether or not the email belongs to a user.</summary>
    public static Text LockedOut(int failures, TimeSpan lockout)
    {
        var minutes = lockout.TotalMinutes.ToString("0", CultureInfo.InvariantCulture);
        return new($"账号已被冻结：从此处连续 {failures} 次密码错误，{minutes} 分钟内不能从此处登录该账号。请稍后再试或联系管理员解冻。",
            $"This account is locked here after {failures} wrong passwords in a row: it cannot sign in from here for {minutes} minutes. Try again later or ask an administrator to unlock it.");
    }
}
