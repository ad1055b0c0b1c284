using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outbound.Data.Demo;
using Outbound.Testing;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Faults;

/// <summary>The web app with the demo data on a PostgreSQL cluster of its own (the test stops it), on a real port for a browser.</summary>
public sealed class PrivateClusterWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outage-web-" + Guid.NewGuid().ToString("N"));
    private PgTestDatabase _database = null!;

    public PrivateClusterWebFactory() => UseKestrel(0);

    public PrivatePgCluster Cluster { get; } = new();
    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        _database = PgTestDatabase.On(Cluster.ServerConnectionString);
        await _database.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Outbound", _database.ConnectionString);
        TestSignInLimits.Relax(builder);
        builder.UseSetting("Outbound:Dialer:StateFolder", _folder);
        builder.UseSetting("Outbound:Dialer:HeartbeatInterval", "00:00:01");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        await Cluster.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A database outage on the live campaign page and on the wallboard, in a real browser: shown while it lasts, gone once it is over.</summary>
[Collection(DialerFaults.Name)]
public sealed class OutageBannerBrowserTests(PrivateClusterWebFactory factory) : IClassFixture<PrivateClusterWebFactory>
{
    [Fact]
    public async Task The_live_page_and_the_wallboard_show_a_database_outage_while_it_lasts_and_clear_it_when_the_database_is_back()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var live = await BrowserPages.SignedInAsync(browser, factory.Address, "manager@demo.local");
        await live.GotoAsync($"/Campaigns/Live/{(await DemoCampaignAsync()).Value}");
        await live.WaitForFunctionAsync("() => document.getElementById('dial-level').textContent !== '–'", null, new() { Timeout = BrowserPages.Patience });
        var wallboard = await BrowserPages.SignedInAsync(browser, factory.Address, "supervisor@demo.local");
        await wallboard.GotoAsync("/Wallboard");
        Assert.True(await live.IsHiddenAsync("#outage"));
        Assert.True(await wallboard.IsHiddenAsync("#wallboard-outage"));

        await factory.Cluster.StopAsync();
        try
        {
            await live.WaitForSelectorAsync("#outage:not([hidden])", new() { Timeout = BrowserPages.Patience });
            await wallboard.WaitForSelectorAsync("#wallboard-outage:not([hidden])", new() { Timeout = BrowserPages.Patience });
            Assert.Contains("数据库连接中断", await live.TextContentAsync("#outage"));
            Assert.Contains("暂停拨打新号码", await wallboard.TextContentAsync("#wallboard-outage"));
        }
        finally
        {
            await factory.Cluster.StartAsync();
        }

        await live.WaitForSelectorAsync("#outage", new() { State = WaitForSelectorState.Hidden, Timeout = BrowserPages.Patience });
        await wallboard.WaitForSelectorAsync("#wallboard-outage", new() { State = WaitForSelectorState.Hidden, Timeout = BrowserPages.Patience });
    }

    private async Task<Core.Campaigns.CampaignId> DemoCampaignAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Outbound.Data.Dialing.CampaignStore>().FindIdByCodeAsync(DemoCampaigns.BankCollections))!;
    }
}
