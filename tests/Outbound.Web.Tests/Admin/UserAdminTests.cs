using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Identity;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Admin;

[Collection(WebCollection.Name)]
public sealed class UserAdminTests(OutboundWebFactory app)
{
    private const string Password = "Agent!2026x";

    private async Task<(string Email, Guid Id)> LockedAgentAsync()
    {
        var email = $"locked-{Guid.NewGuid():N}@test.local";
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, "被冻结的坐席", Roles.Agent, null, Password)).Succeeded);
        var browser = app.NewBrowser();
        for (var i = 0; i < 5; i++) await browser.LoginAsync(email, "wrong");
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>().FindByEmailAsync(email);
        return (email, user!.Id);
    }

    [Fact]
    public async Task Users_page_marks_a_locked_user_and_unlock_lets_them_sign_in_again()
    {
        var (email, id) = await LockedAgentAsync();
        var admin = await app.SignedInAs("admin@demo.local");
        var list = await admin.GetPageAsync("/Admin/Users");
        Assert.Matches(new Regex($"data-email=\"{Regex.Escape(email)}\"[\\s\\S]*?已冻结"), list);

        var unlock = await admin.PostFormAsync("/Admin/Users", [], $"/Admin/Users?handler=Unlock&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewBrowser().LoginAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task Reset_sets_the_new_password_unlocks_and_the_old_one_stops_working()
    {
        var (email, id) = await LockedAgentAsync();
        var admin = await app.SignedInAs("admin@demo.local");
        var reset = await admin.PostFormAsync("/Admin/Users", [new("newPassword", "Fresh!2026y")], $"/Admin/Users?handler=Reset&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Contains("邮箱或密码不正确", await (await app.NewBrowser().LoginAsync(email, Password)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewBrowser().LoginAsync(email, "Fresh!2026y")).StatusCode);
    }

    [Fact]
    public async Task Reset_with_a_weak_password_explains_the_rules_and_changes_nothing()
    {
        var (email, id) = await LockedAgentAsync();
        var admin = await app.SignedInAs("admin@demo.local");
        var reset = await admin.PostFormAsync("/Admin/Users", [new("newPassword", "abc")], $"/Admin/Users?handler=Reset&id={id}");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("密码至少 8 位", await reset.Content.ReadAsStringAsync());
        Assert.Contains("账号已被冻结", await (await app.NewBrowser().LoginAsync(email, Password)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_user_cannot_be_created_without_a_tenant()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var email = $"client-{Guid.NewGuid():N}@test.local";
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "客户甲", ["Input.Role"] = Roles.Client, ["Input.TenantId"] = "", ["Input.Password"] = Password,
        };
        var refused = await admin.PostFormAsync("/Admin/Users/Create", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("客户角色的用户必须属于一个客户", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.NewBrowser().LoginAsync(email, Password)).StatusCode);

        fields["Input.TenantId"] = app.Demo.Tenants["demo-bank"].Value.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Users/Create", fields)).StatusCode);
        var client = await app.SignedInAs(email, Password);
        var campaigns = await client.GetPageAsync("/Campaigns");
        Assert.Contains("bank-collect-1", campaigns);
        Assert.DoesNotContain("power-survey-1", campaigns);
    }

    [Theory]
    [InlineData("manager@demo.local")]
    [InlineData("supervisor@demo.local")]
    [InlineData("client@demo-bank.local")]
    public async Task Only_admins_open_the_admin_pages(string email)
    {
        var browser = await app.SignedInAs(email);
        foreach (var page in new[] { "/Admin/Users", "/Admin/Users/Create", "/Admin/Tenants" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
