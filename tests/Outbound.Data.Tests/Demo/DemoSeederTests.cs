using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Demo;
using Outbound.Data.Desk;
using Outbound.Data.Identity;
using Outbound.Data.Tests.Support;
using Outbound.Testing;

namespace Outbound.Data.Tests.Demo;

public sealed class DemoSeederTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    private IHost BuildHost() => DataHost.Build(db.ConnectionString);

    private static string ListsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "campaigns", "lists"))) return Path.Combine(dir.FullName, "campaigns", "lists");
        throw new DirectoryNotFoundException("campaigns/lists");
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Seeding_twice_restores_the_demo_without_duplicating_it()
    {
        using var host = BuildHost();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var first = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ListsDirectory());
            Assert.Equal(2, first.ListsLoaded.Count);
            Assert.Equal(292 + 120, first.ListsLoaded.Sum(l => l.Imported));
        }
        var leads = await CountAsync("SELECT count(*) FROM leads");

        // Someone breaks the demo: locks a user, changes a password and a campaign's settings.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>();
            var agent = (await users.FindByEmailAsync("agent1@demo.local"))!;
            await users.SetLockoutEndDateAsync(agent, DateTimeOffset.UtcNow.AddDays(1));
            var manager = (await users.FindByEmailAsync("manager@demo.local"))!;
            await users.ChangePasswordAsync(manager, DemoUsers.Password, "Changed!2026");
            var campaigns = scope.ServiceProvider.GetRequiredService<CampaignRepository>();
            var bank = (await campaigns.FindByCodeAsync(DemoCampaigns.BankCollections, TenantScope.AllTenants))!;
            await campaigns.UpdateAsync(bank.Id, TenantScope.AllTenants, bank.Definition with { Name = "改坏了" });
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var second = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ListsDirectory());
            Assert.Empty(second.ListsLoaded);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>();
            var agent = (await users.FindByEmailAsync("agent1@demo.local"))!;
            Assert.False(await users.IsLockedOutAsync(agent));
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("manager@demo.local"))!, DemoUsers.Password));
            var bank = await scope.ServiceProvider.GetRequiredService<CampaignRepository>().FindByCodeAsync(DemoCampaigns.BankCollections, TenantScope.AllTenants);
            Assert.Equal(DemoCampaigns.Bank.Name, bank!.Definition.Name);
        }
        Assert.Equal(leads, await CountAsync("SELECT count(*) FROM leads"));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM tenants"));
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM campaigns"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM inbound_queue_settings"));
        Assert.Equal(DemoUsers.All.Count, await CountAsync("SELECT count(*) FROM users"));
        Assert.Equal(DemoUsers.All.Count, await CountAsync("SELECT count(*) FROM user_roles"));
        Assert.Equal(7 * 2 + 1, await CountAsync("SELECT count(*) FROM campaign_agents")); // and the supervisor on the hotline
    }

    [Fact]
    public async Task The_power_tenant_gets_an_inbound_hotline_with_its_queue_settings_and_no_call_list()
    {
        using var host = BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ListsDirectory());

        var hotline = await scope.ServiceProvider.GetRequiredService<CampaignRepository>()
            .FindByCodeAsync(DemoCampaigns.PowerHotline, TenantScope.For(result.Tenants[DemoCampaigns.PowerTenant]));
        Assert.NotNull(hotline);
        Assert.Equal(CampaignKind.Inbound, hotline.Definition.Kind);
        var stored = await new InboundQueueSettings(db.DataSource).FindAsync(hotline.Id);
        Assert.NotNull(stored);
        Assert.Equal(DemoCampaigns.HotlineQueue.WrapUp, stored.Policy.WrapUp);
        Assert.Equal(DemoCampaigns.HotlineQueue.MaxWait, stored.Policy.MaxWait);
        Assert.Equal(OverflowAction.CallbackOffer, stored.Policy.Overflow);
        Assert.Equal("demo seed", stored.UpdatedBy);
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM leads WHERE campaign_id = '{hotline.Id.Value}'"));
        // Bots serve the hotline; of the people only the supervisor, who oversees it, is assigned.
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(["supervisor@demo.local"], await connection.QueryAsync<string>(
            "SELECT u.email FROM campaign_agents a JOIN users u ON u.id = a.user_id WHERE a.campaign_id = @id", new { id = hotline.Id.Value }));
    }

    [Fact]
    public async Task Client_users_belong_to_their_tenant_and_staff_to_none()
    {
        using var host = BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>();
        Assert.Equal(result.Tenants[DemoCampaigns.BankTenant].Value, (await users.FindByEmailAsync("client@demo-bank.local"))!.TenantId);
        Assert.Equal(result.Tenants[DemoCampaigns.PowerTenant].Value, (await users.FindByEmailAsync("client@demo-power.local"))!.TenantId);
        Assert.Null((await users.FindByEmailAsync("admin@demo.local"))!.TenantId);
    }

    [Fact]
    public void Demo_campaigns_pass_validation() =>
        Assert.All(new[] { DemoCampaigns.Bank, DemoCampaigns.Power }, c => Assert.Empty(CampaignSettingsValidator.Validate(c)));

    [Fact]
    public async Task Every_demo_lead_has_every_field_its_campaigns_call_script_names()
    {
        using var host = BuildHost();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ListsDirectory());
        await using var connection = await db.DataSource.OpenConnectionAsync();
        // The running demo adds synthetic leads around the world to its outbound campaigns (DemoLeads): those too.
        foreach (var code in new[] { DemoCampaigns.BankCollections, DemoCampaigns.PowerSurvey })
            await DemoLeads.EnsureAsync(db.DataSource, new CampaignId(await connection.ExecuteScalarAsync<Guid>("SELECT id FROM campaigns WHERE code = @code", new { code })), 50);
        var leads = await connection.QueryAsync<(string Code, string Settings, string? Name, string Fields)>("""
            SELECT c.code, c.settings::text, l.name, l.fields::text FROM leads l JOIN campaigns c ON c.id = l.campaign_id
            WHERE c.code IN (@bank, @power)
            """, new { bank = DemoCampaigns.BankCollections, power = DemoCampaigns.PowerSurvey });
        var missing = leads.SelectMany(l =>
        {
            var script = System.Text.Json.JsonSerializer.Deserialize<CampaignSettings>(l.Settings, CampaignSettingsJson.Options)!.Script;
            var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(l.Fields)!
                .ToDictionary(f => f.Key, f => f.Value.ToString());
            values[ScriptTemplate.NameField] = l.Name ?? "";
            return ScriptTemplate.Fill(script, values).Where(p => p.Missing).Select(p => $"{l.Code}:{p.Field}");
        }).Distinct().ToList();
        Assert.True(leads.Count() > 100);
        Assert.Empty(missing);
    }
}
