using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Identity;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Account;

[Collection(WebCollection.Name)]
public sealed class SignInTests(OutboundWebFactory app)
{
    private async Task<string> NewAgentAsync(string password = "Agent!2026x")
    {
        var email = $"agent-{Guid.NewGuid():N}@test.local";
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, "测试坐席", Roles.Agent, null, password);
        Assert.True(result.Succeeded);
        return email;
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        var response = await app.NewBrowser().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Right_password_signs_in_and_the_home_page_greets_by_name()
    {
        var browser = await app.SignedInAs("manager@demo.local");
        var home = await browser.GetPageAsync("/");
        Assert.Contains("欢迎，项目经理 王经理", home);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        var response = await app.NewBrowser().LoginAsync("manager@demo.local", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        const string password = "Agent!2026x";
        var email = await NewAgentAsync(password);
        var browser = app.NewBrowser();
        for (var i = 0; i < 4; i++)
            Assert.Contains("邮箱或密码不正确", await (await browser.LoginAsync(email, "wrong")).Content.ReadAsStringAsync());
        Assert.Contains("账号已被冻结", await (await browser.LoginAsync(email, "wrong")).Content.ReadAsStringAsync());

        var right = await browser.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已被冻结", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock()
    {
        const string password = "Agent!2026x";
        var email = await NewAgentAsync(password);
        var browser = app.NewBrowser();
        for (var i = 0; i < 4; i++) await browser.LoginAsync(email, "wrong");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var browser = await app.SignedInAs("hr@demo.local");
        var response = await browser.PostFormAsync("/", [], "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await browser.GetAsync("/");
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
