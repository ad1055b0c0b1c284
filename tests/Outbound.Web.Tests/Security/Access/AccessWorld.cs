using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outbound.Core.Identity;
using Outbound.Data;
using Outbound.Data.Campaigns;
using Outbound.Data.Demo;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Security.Access;

/// <summary>
/// The objects the sweep's URLs name: the demo data of <see cref="OutboundWebFactory"/> plus a supervisor of other
/// campaigns, and a customer with a recorded call in the bank campaign. "Own" objects are the bank's.
/// </summary>
public sealed class AccessWorld(OutboundWebFactory app)
{
    public const string OtherSupervisorEmail = "supervisor-power@sweep.local";

    public OutboundWebFactory App => app;
    public IServiceProvider Services => app.Services;
    public NpgsqlDataSource Db => app.Services.GetRequiredService<NpgsqlDataSource>();

    public string BankTenant => DemoCampaigns.BankTenant;
    public string BankCampaignCode => DemoCampaigns.Bank.Code;
    public Guid BankCampaign => app.Demo.Campaigns[DemoCampaigns.Bank.Code].Value;
    public Guid PowerCampaign => app.Demo.Campaigns[DemoCampaigns.Power.Code].Value;
    public Guid Hotline => app.Demo.Campaigns[DemoCampaigns.PowerHotline].Value;
    public Guid BankImport => app.Imports[DemoCampaigns.Bank.Code];
    public Guid Agent { get; private set; }
    public long BankLead { get; private set; }
    public Guid BankCall { get; private set; }
    public string Month { get; } = CenterTime.China.Day(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM");
    public string Today { get; } = CenterTime.China.Day(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM-dd");

    public static string EmailOf(Caller caller) => caller switch
    {
        Caller.Admin => "admin@demo.local",
        Caller.Manager => "manager@demo.local",
        Caller.Supervisor => "supervisor@demo.local",
        Caller.OtherSupervisor => OtherSupervisorEmail,
        Caller.Agent => "agent1@demo.local",
        Caller.Hr => "hr@demo.local",
        Caller.Client => "client@demo-bank.local",
        Caller.OtherClient => "client@demo-power.local",
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "the anonymous caller does not sign in"),
    };

    public async Task<Guid> UserIdAsync(Caller caller)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@e)", new { e = EmailOf(caller) });
    }

    public async Task PrepareAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .CreateAsync(OtherSupervisorEmail, "班长 周班长", Roles.Supervisor, null, DemoUsers.Password);
            Assert.True(created.Succeeded);
        }
        await app.Services.GetRequiredService<CampaignAgentRepository>().AssignAsync(new(PowerCampaign), await UserIdAsync(Caller.OtherSupervisor));
        Agent = await UserIdAsync(Caller.Agent);
        await using var connection = await Db.OpenConnectionAsync();
        BankLead = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, fields)
            SELECT tenant_id, id, '+8613900000001', 'mobile', 'CN-31', 'Asia/Shanghai', '访问测试客户', '{}' FROM campaigns WHERE id = @c
            RETURNING id
            """, new { c = BankCampaign });
        BankCall = Guid.CreateVersion7();
        await connection.ExecuteAsync("""
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, agent, started_at, answered_at,
                                      connected_at, ended_at, outcome, recording_path, run_id)
            SELECT @id, tenant_id, campaign_id, id, 1, phone_e164, 'Predictive', @agent, now() - interval '5 minutes', now() - interval '5 minutes',
                   now() - interval '5 minutes', now() - interval '1 minute', 'Answered', 'recordings/sweep.wav', 'sweep'
            FROM leads WHERE id = @lead
            """, new { id = BankCall, agent = Agent.ToString(), lead = BankLead });
    }
}
