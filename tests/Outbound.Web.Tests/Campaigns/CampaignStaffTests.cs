using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Campaigns;
using Outbound.Data.Campaigns;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The staffing page decides which agents and supervisors work a campaign.</summary>
[Collection(WebCollection.Name)]
public sealed class CampaignStaffTests(OutboundWebFactory app)
{
    private CampaignId Power => app.Demo.Campaigns["power-survey-1"];
    private CampaignAgentRepository Assignments => app.Services.GetRequiredService<CampaignAgentRepository>();

    [Fact]
    public async Task A_manager_takes_an_agent_off_a_campaign_and_client_logins_are_never_offered()
    {
        var before = await Assignments.StaffAsync(Power);
        var removed = before.Single(s => s.Email == "agent6@demo.local");
        Assert.True(removed.Assigned);
        Assert.DoesNotContain(before, s => s.Email.StartsWith("client@", StringComparison.Ordinal));
        var manager = await app.SignedInAs("manager@demo.local");
        try
        {
            var keep = before.Where(s => s.Assigned && s.UserId != removed.UserId)
                .Select(s => new KeyValuePair<string, string>("assigned", s.UserId.ToString()));
            var response = await manager.PostFormAsync($"/Campaigns/Staff/{Power.Value}", keep);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var after = await Assignments.StaffAsync(Power);
            Assert.False(after.Single(s => s.UserId == removed.UserId).Assigned);
            Assert.Equal(before.Count(s => s.Assigned) - 1, after.Count(s => s.Assigned));
            Assert.Contains("agent6@demo.local", await manager.GetPageAsync($"/Campaigns/Staff/{Power.Value}"));
        }
        finally
        {
            await Assignments.SetAsync(Power, before.Where(s => s.Assigned).Select(s => s.UserId).ToList());
        }
    }

    [Fact]
    public async Task A_client_user_id_posted_to_the_staffing_page_is_not_assigned()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var staff = await Assignments.StaffAsync(Power);
        var clientUser = app.Services.GetRequiredService<UserManager<OutboundUser>>().Users.Single(u => u.Email == "client@demo-power.local").Id;
        var fields = staff.Where(s => s.Assigned).Select(s => s.UserId).Append(clientUser)
            .Select(id => new KeyValuePair<string, string>("assigned", id.ToString()));

        await manager.PostFormAsync($"/Campaigns/Staff/{Power.Value}", fields);

        Assert.DoesNotContain(clientUser, await Assignments.UsersOfAsync(Power));
        Assert.Equal(staff.Count(s => s.Assigned), (await Assignments.UsersOfAsync(Power)).Count);
    }
}
