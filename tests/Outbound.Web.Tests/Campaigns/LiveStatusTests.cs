using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outbound.Core.Compliance;
using Outbound.Data.Demo;
using Outbound.Web.Areas.Campaigns.Live;
using Outbound.Web.Localization;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

[Collection(WebCollection.Name)]
public sealed class LiveStatusTests(OutboundWebFactory factory)
{
    private static readonly Uri Base = new("http://localhost");

    private async Task<(Browser Browser, CookieContainer Cookies)> SignIn(string email)
    {
        var cookies = new CookieContainer();
        var browser = new Browser(factory.CreateDefaultClient(Base, new CookieContainerHandler(cookies)));
        var response = await browser.LoginAsync(email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, cookies);
    }

    private HubConnection Hub(CookieContainer cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(Base, CampaignLiveHub.Path), o =>
        {
            o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.Headers["Cookie"] = cookies.GetCookieHeader(Base);
        })
        .Build();

    private async Task<string> StatusOf(Guid campaign)
    {
        await using var cmd = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"SELECT status FROM campaigns WHERE id = '{campaign}'");
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_live_page_names_every_refusal_reason_instead_of_its_code()
    {
        var (browser, _) = await SignIn("manager@demo.local");
        var page = await browser.GetPageAsync($"/Campaigns/Live/{factory.Demo.Campaigns[DemoCampaigns.PowerSurvey].Value}");
        foreach (var reason in Enum.GetValues<RefusalReason>())
        {
            var label = RefusalTexts.For(reason);
            Assert.NotEqual(reason.Code(), label.Zh);
            Assert.Contains($"\"{reason.Code()}\":", page, StringComparison.Ordinal);
        }
        Assert.Contains("欠费超过宽限期", System.Text.RegularExpressions.Regex.Unescape(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_manager_starts_and_pauses_a_campaign_from_the_live_page()
    {
        var id = factory.Demo.Campaigns[DemoCampaigns.PowerSurvey].Value;
        var (browser, _) = await SignIn("manager@demo.local");
        var page = $"/Campaigns/Live/{id}";
        Assert.Contains("signalr.min.js", await browser.GetPageAsync(page));

        var start = await browser.PostFormAsync(page, [], $"{page}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("running", await StatusOf(id));
        var pause = await browser.PostFormAsync(page, [], $"{page}?handler=Pause");
        Assert.Equal(HttpStatusCode.Redirect, pause.StatusCode);
        Assert.Equal("paused", await StatusOf(id));
    }

    [Fact]
    public async Task A_client_user_neither_sees_nor_controls_another_tenants_campaign_live()
    {
        var bank = factory.Demo.Campaigns[DemoCampaigns.BankCollections].Value;
        var power = factory.Demo.Campaigns[DemoCampaigns.PowerSurvey].Value;
        var (browser, cookies) = await SignIn("client@demo-power.local");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Campaigns/Live/{bank}")).StatusCode);

        // Control needs the campaign-writer role, whatever the tenant.
        var ownPage = $"/Campaigns/Live/{power}";
        var before = await StatusOf(power);
        var start = await browser.PostFormAsync(ownPage, [], $"{ownPage}?handler=Start");
        Assert.True(start.StatusCode == HttpStatusCode.Forbidden || start.Headers.Location?.ToString().Contains("AccessDenied") == true,
            $"a client user's start gave {(int)start.StatusCode} {start.Headers.Location}");
        Assert.Equal(before, await StatusOf(power));

        await using var hub = Hub(cookies);
        var received = new TaskCompletionSource<LiveStatusView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveStatusView>(CampaignLiveHub.StatusMethod, s => received.TrySetResult(s));
        await hub.StartAsync();
        Assert.False(await hub.InvokeAsync<bool>("Watch", bank));
        Assert.True(await hub.InvokeAsync<bool>("Watch", power));
        var status = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(power, status.CampaignId);
    }

    [Fact]
    public async Task The_live_page_shows_how_far_the_campaigns_list_has_got()
    {
        var tenant = factory.Demo.Tenants["demo-bank"].Value;
        var campaign = Guid.CreateVersion7();
        await using (var seed = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"""
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES ('{campaign}', '{tenant}', 'list-progress', '名单进度', 'Collections', 'Preview', '{"{}"}');
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, time_zone, status)
            SELECT '{tenant}', '{campaign}', '+86139' || lpad(n::text, 8, '0'), 'mobile', 'Asia/Shanghai',
                   (ARRAY['new', 'new', 'new', 'retry', 'callback', 'done', 'done', 'dnc', 'manual'])[n]
            FROM generate_series(1, 9) AS n
            """))
            await seed.ExecuteNonQueryAsync();
        var (browser, cookies) = await SignIn("manager@demo.local");
        Assert.Contains(LiveTexts.LeadsNew.Zh, await browser.GetPageAsync($"/Campaigns/Live/{campaign}"));

        await using var hub = Hub(cookies);
        var received = new TaskCompletionSource<LiveStatusView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveStatusView>(CampaignLiveHub.StatusMethod, s => { if (s.CampaignId == campaign && s.List is not null) received.TrySetResult(s); });
        await hub.StartAsync();
        Assert.True(await hub.InvokeAsync<bool>("Watch", campaign));
        var list = (await received.Task.WaitAsync(TimeSpan.FromSeconds(15))).List!;

        Assert.Equal((8L, 3L, 1L, 1L, 2L, 1L), (list.Total, list.Fresh, list.Retry, list.Callback, list.Done, list.Dnc));
        Assert.Equal(3.0 / 8, list.Finished, 6);
    }
}
