using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Identity;
using Outbound.Data.Campaigns;
using Outbound.Data.Demo;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>A supervisor reads the campaigns it is assigned to — their pages, imports and reject files (personal data) — and no others.</summary>
[Collection(WebCollection.Name)]
public sealed class SupervisorScopeTests(OutboundWebFactory app)
{
    private async Task<string> SupervisorOfAsync(params string[] campaigns)
    {
        var email = $"supervisor-{Guid.NewGuid():N}@test.local";
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, "班长 测试", Roles.Supervisor, null, DemoUsers.Password)).Succeeded);
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OutboundUser>>().FindByEmailAsync(email);
        foreach (var code in campaigns)
            await app.Services.GetRequiredService<CampaignAgentRepository>().AssignAsync(app.Demo.Campaigns[code], user!.Id);
        return email;
    }

    [Fact]
    public async Task A_supervisor_sees_only_its_assigned_campaigns_their_imports_and_reject_files()
    {
        var browser = await app.SignedInAs(await SupervisorOfAsync("power-survey-1"));
        var list = await browser.GetPageAsync("/Campaigns");
        Assert.Contains("power-survey-1", list);
        Assert.DoesNotContain("bank-collect-1", list);

        var (bank, bankImport) = (app.Demo.Campaigns["bank-collect-1"].Value, app.Imports["bank-collect-1"]);
        foreach (var url in new[]
                 {
                     $"/Campaigns/Details/{bank}", $"/Campaigns/Live/{bank}", $"/Campaigns/Import/{bankImport}",
                     $"/Campaigns/Import/{bankImport}?handler=Rejects", $"/Campaigns/Import/{bankImport}?handler=Status",
                 })
            Assert.True((await browser.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        Assert.Contains("line,reason,detail,raw", await browser.GetPageAsync($"/Campaigns/Import/{app.Imports["power-survey-1"]}?handler=Rejects"));
    }

    [Fact]
    public async Task A_supervisor_without_assignments_sees_no_campaign_at_all()
    {
        var browser = await app.SignedInAs(await SupervisorOfAsync());
        var list = await browser.GetPageAsync("/Campaigns");
        Assert.DoesNotContain("bank-collect-1", list);
        Assert.DoesNotContain("power-survey-1", list);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Campaigns/Details/{app.Demo.Campaigns["power-survey-1"].Value}")).StatusCode);
    }
}
