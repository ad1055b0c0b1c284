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

    [Fact]
    public async Task The_performance_page_names_the_agent_and_the_bot_instead_of_their_ids()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var agent1 = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Outbound.Data.Identity.OutboundUser>>()
            .FindByEmailAsync("agent1@demo.local"))!.Id.ToString();
        var bot = Outbound.Core.Identity.BotAgents.Id("bank-collect-1", 5);
        await using (var insert = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            WITH l AS (
                INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, fields)
                SELECT tenant_id, id, '+8613700009999', 'mobile', 'CN-31', 'Asia/Shanghai', '报表测试', '{}' FROM campaigns WHERE id = @campaign
                RETURNING id, tenant_id, campaign_id, phone_e164)
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, agent, started_at, answered_at, connected_at,
                                      ended_at, wrap_ended_at, outcome, abandoned, disposition, run_id)
            SELECT gen_random_uuid(), l.tenant_id, l.campaign_id, l.id, a.n, l.phone_e164, 'Predictive', a.agent, t, t + interval '5 s',
                   t + interval '6 s', t + interval '90 s', t + interval '100 s', 'Answered', false, a.disposition, 'portal-test'
              FROM l, (VALUES (1, @agent1, 'promise_to_pay'), (2, @bot, 'refused')) AS a (n, agent, disposition),
                   LATERAL (SELECT timestamptz '2025-06-10 10:00+08' + a.n * interval '1 min') AS at (t)
            """))
        {
            insert.Parameters.AddWithValue("campaign", app.Demo.Campaigns["bank-collect-1"].Value);
            insert.Parameters.AddWithValue("agent1", agent1);
            insert.Parameters.AddWithValue("bot", bot);
            Assert.Equal(2, await insert.ExecuteNonQueryAsync());
        }
        var client = await app.SignedInAs(BankClient);

        var page = await client.GetPageAsync("/Client/Performance?campaign=bank-collect-1&from=2025-06-01&to=2025-06-30");

        Assert.Contains("<td>坐席 1 号</td>", page);
        Assert.Contains("<td>演示机器人 5 号</td>", page);
        Assert.DoesNotContain(agent1, page);
        Assert.DoesNotContain(bot, page);
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
