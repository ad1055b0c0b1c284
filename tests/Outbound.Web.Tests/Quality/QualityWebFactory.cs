using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Quality;
using Outbound.Core.Tenants;
using Outbound.Data.Demo;
using Outbound.Data.Quality;
using Outbound.Testing;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Quality;

/// <summary>
/// The web app on a real Kestrel port with the demo data, a recording folder of its own, and three recorded calls:
/// agent1's on the bank campaign (a WAV on disk), one on the power survey (a WAV on disk) and one on the bank campaign
/// whose WAV is missing. qa2@demo.local is taken off every campaign but the bank's: a Qa of campaign A only.
/// </summary>
public sealed class QualityWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly PgTestDatabase _database = new();
    public readonly string Recordings = Directory.CreateTempSubdirectory("outbound-recordings-").FullName;
    public Guid BankCall { get; } = Guid.CreateVersion7();
    public Guid PowerCall { get; } = Guid.CreateVersion7();
    public Guid MissingCall { get; } = Guid.CreateVersion7();
    public DemoSeeder.Result Demo { get; private set; } = null!;

    public QualityWebFactory() => UseKestrel(0);

    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        Demo = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        var bank = Demo.Campaigns[DemoCampaigns.BankCollections].Value;
        var power = Demo.Campaigns[DemoCampaigns.PowerSurvey].Value;
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            DELETE FROM campaign_agents WHERE user_id = (SELECT id FROM users WHERE normalized_email = 'QA2@DEMO.LOCAL') AND campaign_id <> @bank;
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, time_zone, name, status)
            SELECT tenant_id, id, '+8613911112222', 'mobile', 'Asia/Shanghai', '质检测试客户', 'done' FROM campaigns WHERE id IN (@bank, @power);
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, agent, started_at, answered_at, connected_at,
                ended_at, wrap_ended_at, outcome, disposition, recording_path, run_id)
            SELECT x.id, c.tenant_id, c.id, l.id, x.attempt, l.phone_e164, 'Predictive', (SELECT id::text FROM users WHERE normalized_email = 'AGENT1@DEMO.LOCAL'),
                   now() - interval '2 days', now() - interval '2 days' + interval '4 s', now() - interval '2 days' + interval '5 s',
                   now() - interval '2 days' + interval '65 s', now() - interval '2 days' + interval '80 s', 'Answered', 'refused', x.path, 'test'
            FROM (VALUES (@bankCall, @bank, 1, @bankPath), (@powerCall, @power, 1, @powerPath), (@missingCall, @bank, 2, @missingPath)) AS x(id, campaign, attempt, path)
            JOIN campaigns c ON c.id = x.campaign JOIN leads l ON l.campaign_id = c.id AND l.phone_e164 = '+8613911112222';
            """, new
        {
            bank, power, bankCall = BankCall, powerCall = PowerCall, missingCall = MissingCall,
            bankPath = Path.Combine(Recordings, "bank.wav"), powerPath = Path.Combine(Recordings, "power.wav"), missingPath = Path.Combine(Recordings, "gone.wav"),
        });
        DemoRecordings.Write(Path.Combine(Recordings, "bank.wav"), 60, 1);
        DemoRecordings.Write(Path.Combine(Recordings, "power.wav"), 60, 2);
        var qa = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = 'QA@DEMO.LOCAL'");
        await scope.ServiceProvider.GetRequiredService<QualityForms>().SaveAsync(new QualityViewer(qa, QualityRole.Qa, null),
            null, Demo.Tenants[DemoCampaigns.BankTenant], bank, StarterForm.Create(), DateTimeOffset.UtcNow);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Outbound", _database.ConnectionString);
        TestSignInLimits.Relax(builder);
        builder.UseSetting("Outbound:Dialer:RecordingFolder", Recordings);
    }

    public async Task<Browser> SignedInAs(string email)
    {
        var browser = new Browser(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(Address), AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.LoginAsync(email, DemoUsers.Password)).StatusCode);
        return browser;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(Recordings, recursive: true);
    }
}
