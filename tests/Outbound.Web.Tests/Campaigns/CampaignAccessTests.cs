using System.Net;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>Role gating of every campaign page and tenant isolation of campaigns, imports and reject files.</summary>
[Collection(WebCollection.Name)]
public sealed class CampaignAccessTests(OutboundWebFactory app)
{
    private Guid Bank => app.Demo.Campaigns["bank-collect-1"].Value;
    private Guid Power => app.Demo.Campaigns["power-survey-1"].Value;

    /// <summary>Every campaign page, read pages first.</summary>
    private IEnumerable<(string Url, bool Write)> Pages() =>
    [
        ("/Campaigns", false),
        ($"/Campaigns/Details/{Bank}", false),
        ($"/Campaigns/Import/{app.Imports["bank-collect-1"]}", false),
        ($"/Campaigns/Import/{app.Imports["bank-collect-1"]}?handler=Rejects", false),
        ($"/Campaigns/Import/{app.Imports["bank-collect-1"]}?handler=Status", false),
        ("/Campaigns/Create", true),
        ($"/Campaigns/Edit/{Bank}", true),
        ($"/Campaigns/Staff/{Bank}", true),
        ($"/Campaigns/Repayments/{Bank}", true),
    ];

    private static void AssertDenied(HttpResponseMessage response, string url)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_from_every_campaign_page()
    {
        var browser = app.NewBrowser();
        foreach (var (url, _) in Pages())
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("agent1@demo.local")]
    [InlineData("hr@demo.local")]
    public async Task Agents_and_hr_are_denied_every_campaign_page(string email)
    {
        var browser = await app.SignedInAs(email);
        foreach (var (url, _) in Pages()) AssertDenied(await browser.GetAsync(url), url);
    }

    [Fact]
    public async Task Access_denied_page_answers_403()
    {
        var browser = await app.SignedInAs("agent1@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Account/AccessDenied")).StatusCode);
    }

    [Theory]
    [InlineData("supervisor@demo.local")]
    [InlineData("client@demo-bank.local")]
    public async Task Supervisors_and_clients_read_but_cannot_create_or_edit(string email)
    {
        var browser = await app.SignedInAs(email);
        foreach (var (url, write) in Pages())
        {
            var response = await browser.GetAsync(url);
            if (write) AssertDenied(response, url);
            else Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData("manager@demo.local")]
    public async Task Admins_and_campaign_managers_open_every_campaign_page(string email)
    {
        var browser = await app.SignedInAs(email);
        foreach (var (url, _) in Pages())
            Assert.True((await browser.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        var list = await browser.GetPageAsync("/Campaigns");
        Assert.Contains("bank-collect-1", list);
        Assert.Contains("power-survey-1", list);
    }

    [Fact]
    public async Task A_client_lists_only_its_own_tenants_campaigns()
    {
        var browser = await app.SignedInAs("client@demo-power.local");
        var list = await browser.GetPageAsync("/Campaigns");
        Assert.Contains("power-survey-1", list);
        Assert.DoesNotContain("bank-collect-1", list);
    }

    [Fact]
    public async Task A_client_gets_404_for_another_tenants_campaign_import_status_and_reject_file()
    {
        var bankClient = await app.SignedInAs("client@demo-bank.local");
        var powerImport = app.Imports["power-survey-1"];
        foreach (var url in new[]
                 {
                     $"/Campaigns/Details/{Power}", $"/Campaigns/Import/{powerImport}",
                     $"/Campaigns/Import/{powerImport}?handler=Rejects", $"/Campaigns/Import/{powerImport}?handler=Status",
                 })
            Assert.True((await bankClient.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);

        // …while the other tenant's client opens the same addresses.
        var powerClient = await app.SignedInAs("client@demo-power.local");
        Assert.Equal(HttpStatusCode.OK, (await powerClient.GetAsync($"/Campaigns/Details/{Power}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await powerClient.GetAsync($"/Campaigns/Import/{powerImport}?handler=Rejects")).StatusCode);
    }

    [Fact]
    public async Task Reject_file_lists_every_rejected_row_with_line_reason_and_raw_text()
    {
        var browser = await app.SignedInAs("client@demo-bank.local");
        var response = await browser.GetAsync($"/Campaigns/Import/{app.Imports["bank-collect-1"]}?handler=Rejects");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(
        [
            "line,reason,detail,raw",
            "2,InvalidPhone,号码位数不对,\"张三,1380013,\"\"5,000.00\"\"\"",
            "4,MissingField,amount_due,\"李四,13800138000,\"",
        ], lines);
    }
}
