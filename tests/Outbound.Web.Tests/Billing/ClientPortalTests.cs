using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Billing;

/// <summary>A Client user sees and downloads only its own tenant's campaigns, contract and statements; every download is logged.</summary>
[Collection(WebCollection.Name)]
public sealed class ClientPortalTests(OutboundWebFactory app)
{
    private const string BankClient = "client@demo-bank.local";
    private static string Month => DateTime.UtcNow.ToString("yyyy-MM");
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");
    private static string MonthStart => DateTime.UtcNow.ToString("yyyy-MM-01");

    private async Task<long> DownloadsOf(string user, string document)
    {
        await using var cmd = app.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT count(*) FROM download_log WHERE user_name = @u AND document = @d");
        cmd.Parameters.AddWithValue("u", user);
        cmd.Parameters.AddWithValue("d", document);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task AssertPdf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public async Task The_portal_lists_only_the_clients_own_campaigns_and_its_contract()
    {
        var client = await app.SignedInAs(BankClient);
        var page = await client.GetPageAsync("/Client");
        Assert.Contains("data-campaign=\"bank-collect-1\"", page);
        Assert.DoesNotContain("power-survey-1", page);
        Assert.Contains("HT-DEMO-BANK-01", page);
        Assert.DoesNotContain("HT-DEMO-POWER-01", page);
        Assert.DoesNotContain("id=\"suspended\"", page);
    }

    [Fact]
    public async Task Own_documents_download_as_pdf_and_each_download_is_logged()
    {
        var client = await app.SignedInAs(BankClient);
        var contracts = await DownloadsOf(BankClient, "contract");
        var statements = await DownloadsOf(BankClient, "statement");
        var reports = await DownloadsOf(BankClient, "performance");

        await AssertPdf(await client.GetAsync("/Client?handler=Contract&tenant=demo-bank"));
        await AssertPdf(await client.GetAsync($"/Client?handler=StatementPdf&tenant=demo-bank&month={Month}"));
        await AssertPdf(await client.GetAsync($"/Client/Performance?handler=Pdf&campaign=bank-collect-1&from={MonthStart}&to={Today}"));

        Assert.Equal(contracts + 1, await DownloadsOf(BankClient, "contract"));
        Assert.Equal(statements + 1, await DownloadsOf(BankClient, "statement"));
        Assert.Equal(reports + 1, await DownloadsOf(BankClient, "performance"));
        Assert.Contains("HT-DEMO-BANK-01", await client.GetPageAsync("/Client"));   // the log is shown to the client
    }

    [Theory]
    [InlineData("/Client?handler=Contract&tenant=demo-power")]
    [InlineData("/Client?handler=StatementPdf&tenant=demo-power")]
    [InlineData("/Client/Statement?tenant=demo-power")]
    [InlineData("/Client/Performance?campaign=power-survey-1")]
    [InlineData("/Client/Performance?handler=Pdf&campaign=power-survey-1")]
    public async Task Another_tenants_documents_are_not_found(string url)
    {
        var client = await app.SignedInAs(BankClient);
        var before = await DownloadsOf(BankClient, "contract") + await DownloadsOf(BankClient, "statement") + await DownloadsOf(BankClient, "performance");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await DownloadsOf(BankClient, "contract") + await DownloadsOf(BankClient, "statement") + await DownloadsOf(BankClient, "performance"));
    }

    [Fact]
    public async Task The_same_urls_with_the_clients_own_ids_are_found()
    {
        var client = await app.SignedInAs(BankClient);
        Assert.Contains("closing-balance", await client.GetPageAsync($"/Client/Statement?tenant=demo-bank&month={Month}"));
        Assert.Contains("id=\"contact-rate\"", await client.GetPageAsync("/Client/Performance?campaign=bank-collect-1"));
    }

    [Theory]
    [InlineData("manager@demo.local", "/Client")]
    [InlineData("agent1@demo.local", "/Client")]
    [InlineData(BankClient, "/Billing")]
    [InlineData(BankClient, "/Billing/Statement?tenant=demo-bank")]
    [InlineData(BankClient, "/Billing/Performance?campaign=bank-collect-1")]
    public async Task Pages_outside_a_role_are_refused(string user, string url)
    {
        var browser = await app.SignedInAs(user);
        var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url} for {user} gave {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("AccessDenied", response.Headers.Location?.ToString());
    }
}
