using System.Net;
using Akka.Actor;
using Akka.Hosting;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Data.Demo;
using Outbound.Dialer.Campaigns;
using Outbound.Testing;

namespace Outbound.Web.Tests.Support;

/// <summary>
/// The web app with the demo data and a fast simulated carrier (10× time, every answer human, no AMD), plus
/// a predictive collections campaign <see cref="DeskCampaign"/> callable at any hour with its own leads,
/// assigned only to agent1. For desk and wallboard tests that place real (simulated) calls.
/// </summary>
public class DeskWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly Uri Base = new("http://localhost");
    public const string Agent = "agent1@demo.local";
    public const string Supervisor = "supervisor@demo.local";

    private readonly PgTestDatabase _database = new();

    public DemoSeeder.Result Demo { get; private set; } = null!;
    public CampaignId DeskCampaign { get; private set; } = null!;
    /// <summary>A progressive callback survey with the demo questionnaire, assigned only to <see cref="SurveyAgent"/>.</summary>
    public CampaignId SurveyCampaign { get; private set; } = null!;
    public const string SurveyAgent = "agent2@demo.local";
    /// <summary>An inbound hotline (the power tenant's dispositions), assigned only to <see cref="HotlineAgent"/>.</summary>
    public CampaignId HotlineCampaign { get; private set; } = null!;
    public const string HotlineAgent = "agent3@demo.local";
    public NpgsqlDataSource Db => _database.DataSource;
    /// <summary>What the app logged, as its default configuration lets through.</summary>
    public LogCapture Logs { get; } = new();

    public virtual async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        Demo = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        DeskCampaign = await AddCollectionsCampaignAsync("desk-collect", "催收工作台测试", Agent, "+8613700", "测试客户", 40);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await AddSurveyCampaignAsync(connection);
        HotlineCampaign = CampaignId.New();
        await connection.ExecuteAsync("""
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            SELECT @id, id, 'desk-hotline', '95598 呼入测试', 'Inbound', 'Manual', 'draft', @settings::jsonb FROM tenants WHERE code = @tenant;
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
            SELECT c.tenant_id, c.id, u.id FROM campaigns c, users u WHERE c.id = @id AND u.normalized_email = upper(@agent);
            """, new { id = HotlineCampaign.Value, tenant = DemoCampaigns.PowerTenant, agent = HotlineAgent,
            settings = System.Text.Json.JsonSerializer.Serialize(DemoCampaigns.Power.Settings with { Questionnaire = null, WrapUpSeconds = 30 },
                Outbound.Data.Campaigns.CampaignSettingsJson.Options) });
        // The demo's supervisor oversees the collections and hotline test campaigns too (a supervisor assigned to campaigns sees
        // only those), not the survey one.
        await connection.ExecuteAsync("""
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
            SELECT c.tenant_id, c.id, u.id FROM campaigns c, users u WHERE c.id = ANY(@ids) AND u.normalized_email = upper(@supervisor)
            """, new { ids = new[] { DeskCampaign.Value, HotlineCampaign.Value }, supervisor = Supervisor });
    }

    /// <summary>
    /// A predictive collections campaign of the demo bank, callable at any hour, assigned to <paramref name="agent"/> only, with
    /// <paramref name="leads"/> leads numbered from <paramref name="phonePrefix"/> and named from <paramref name="namePrefix"/>.
    /// </summary>
    public async Task<CampaignId> AddCollectionsCampaignAsync(string code, string name, string agent, string phonePrefix, string namePrefix, int leads)
    {
        var settings = DemoCampaigns.Bank.Settings with { Regulator = RegulatorPreset.Custom, CallingWindows = [], AmdEnabled = false, RecordCalls = false, WrapUpSeconds = 60 };
        var campaign = CampaignId.New();
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            SELECT @id, id, @code, @name, 'Collections', 'Predictive', 'draft', @settings::jsonb FROM tenants WHERE code = @tenant;
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
            SELECT c.tenant_id, c.id, u.id FROM campaigns c, users u WHERE c.id = @id AND u.normalized_email = upper(@agent);
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, fields)
            SELECT c.tenant_id, c.id, @phonePrefix || lpad(n::text, 5, '0'), 'mobile', 'CN-31', 'Asia/Shanghai', @namePrefix || n,
                   jsonb_build_object('amount', 1000 + n, 'days_past_due', 30, 'product', '信用卡')
            FROM campaigns c, generate_series(1, @leads) n WHERE c.id = @id;
            """, new { id = campaign.Value, code, name, tenant = DemoCampaigns.BankTenant, agent, phonePrefix, namePrefix, leads,
            settings = System.Text.Json.JsonSerializer.Serialize(settings, Outbound.Data.Campaigns.CampaignSettingsJson.Options) });
        return campaign;
    }

    private async Task AddSurveyCampaignAsync(NpgsqlConnection connection)
    {
        var power = DemoCampaigns.Power;
        var settings = power.Settings with { CallingWindows = [], RecordCalls = false, WrapUpSeconds = 60 };
        SurveyCampaign = CampaignId.New();
        await connection.ExecuteAsync("""
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            SELECT @id, id, 'desk-survey', '回访工作台测试', 'CallbackSurvey', 'Progressive', 'draft', @settings::jsonb FROM tenants WHERE code = @tenant;
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
            SELECT c.tenant_id, c.id, u.id FROM campaigns c, users u WHERE c.id = @id AND u.normalized_email = upper(@agent);
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, fields)
            SELECT c.tenant_id, c.id, '+8613600' || lpad(n::text, 5, '0'), 'mobile', 'CN-11', 'Asia/Shanghai', '回访客户' || n,
                   jsonb_build_object('work_order', 'WO' || n, 'complaint_type', '停电')
            FROM campaigns c, generate_series(1, 10) n WHERE c.id = @id;
            """, new { id = SurveyCampaign.Value, tenant = DemoCampaigns.PowerTenant, agent = SurveyAgent,
            settings = System.Text.Json.JsonSerializer.Serialize(settings, Outbound.Data.Campaigns.CampaignSettingsJson.Options) });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Outbound", _database.ConnectionString);
        TestSignInLimits.Relax(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Outbound:Simulated:TimeScale", "10");
        builder.UseSetting("Outbound:Simulated:HumanAnswerRate", "1");
        builder.UseSetting("Outbound:Simulated:MachineRate", "0");
        builder.UseSetting("Outbound:Simulated:BusyRate", "0");
        builder.UseSetting("Outbound:Simulated:InvalidRate", "0");
        builder.UseSetting("Outbound:Simulated:CongestionRate", "0");
        builder.UseSetting("Outbound:Simulated:RejectedRate", "0");
        builder.UseSetting("Outbound:Simulated:AmdFalsePositiveRate", "0");
        builder.UseSetting("Outbound:Simulated:TalkSecondsMean", "40");
        builder.UseSetting("Outbound:Simulated:TalkSecondsSd", "5");
    }

    public Task<object> CampaignCommandAsync(Func<CampaignId, object> command) => CampaignCommandAsync(DeskCampaign, command);

    public async Task<object> CampaignCommandAsync(CampaignId campaign, Func<CampaignId, object> command)
    {
        var region = await Services.GetRequiredService<IRequiredActor<CampaignRegion>>().GetAsync();
        return await region.Ask<object>(command(campaign), TimeSpan.FromSeconds(30));
    }

    /// <summary>A cookie-keeping browser signed in as <paramref name="email"/>, and its cookies for a hub connection.</summary>
    public async Task<(Browser Browser, CookieContainer Cookies)> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var browser = new Browser(CreateDefaultClient(Base, new CookieContainerHandler(cookies)));
        var response = await browser.LoginAsync(email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, cookies);
    }

    public HubConnection Hub(string path, CookieContainer cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(Base, path), o =>
        {
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.Headers["Cookie"] = cookies.GetCookieHeader(Base);
        })
        .Build();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
