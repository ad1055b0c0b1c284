using System.Net;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>Who may open the desk and the wallboard, and what an agent may not open.</summary>
[Collection(WebCollection.Name)]
public sealed class DeskAccessTests(OutboundWebFactory factory)
{
    private static bool Denied(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.ToString().Contains("AccessDenied", StringComparison.Ordinal) == true);

    [Theory]
    [InlineData("/Wallboard")]
    [InlineData("/Supervisor/Team")]
    [InlineData("/Hr")]
    [InlineData("/Hr/Deductions")]
    [InlineData("/Admin/Users")]
    public async Task An_agent_cannot_open_supervisor_hr_or_admin_pages(string page)
    {
        var agent = await factory.SignedInAs("agent3@demo.local");
        var response = await agent.GetAsync(page);
        Assert.True(Denied(response), $"agent got {(int)response.StatusCode} {response.Headers.Location} for {page}");
    }

    [Fact]
    public async Task An_agent_opens_the_desk_listing_its_campaigns_and_a_supervisor_opens_the_wallboard()
    {
        var agent = await factory.SignedInAs("agent3@demo.local");
        var desk = await agent.GetPageAsync("/Desk");
        Assert.Contains("bank-collect-1", desk);
        Assert.Contains("agent-desk", desk);

        var supervisor = await factory.SignedInAs("supervisor@demo.local");
        var board = await supervisor.GetPageAsync("/Wallboard");
        Assert.Contains("/hubs/wallboard", board);
        Assert.Contains("message-form", board);
    }

    [Fact]
    public async Task An_admin_watches_the_wallboard_without_the_supervisors_message_form_its_hub_would_refuse()
    {
        var admin = await factory.SignedInAs("admin@demo.local");
        var board = await admin.GetPageAsync("/Wallboard");
        Assert.Contains("/hubs/wallboard", board);
        Assert.DoesNotContain("message-form", board);
    }

    [Theory]
    [InlineData("client@demo-bank.local", "/Desk")]
    [InlineData("client@demo-bank.local", "/Wallboard")]
    [InlineData("hr@demo.local", "/Desk")]
    [InlineData("manager@demo.local", "/Wallboard")]
    public async Task Other_roles_cannot_open_the_desk_or_the_wallboard(string user, string page)
    {
        var browser = await factory.SignedInAs(user);
        var response = await browser.GetAsync(page);
        Assert.True(Denied(response), $"{user} got {(int)response.StatusCode} {response.Headers.Location} for {page}");
    }
}
