using Microsoft.AspNetCore.Identity;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Identity;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Desk;
using Outbound.Data.Identity;
using Outbound.Data.Lists;
using Outbound.Data.Tenants;

namespace Outbound.Data.Demo;

/// <summary>
/// (Re)creates the demo of DESIGN.md: two client tenants, their campaigns (with the hotline's queue settings) and the demo logins. Idempotent:
/// running it again puts tenants, campaign settings, users, roles and passwords back to the demo state.
/// </summary>
public sealed class DemoSeeder(
    TenantRepository tenants, CampaignRepository campaigns, CampaignAgentRepository assignments,
    UserAccounts accounts, UserManager<OutboundUser> users, ListImporter importer, CampaignImports imports,
    NpgsqlDataSource dataSource, TimeProvider clock, DemoWorkforce workforce, DemoQuality quality, DemoWorkOrders workOrders)
{
    public sealed record Result(
        IReadOnlyDictionary<string, TenantId> Tenants, IReadOnlyDictionary<string, CampaignId> Campaigns, int Users,
        IReadOnlyList<ListImportResult> ListsLoaded);

    /// <param name="listsDirectory">Where <c>CODE.csv</c> call lists for the demo campaigns are (campaigns/lists); null loads none.</param>
    /// <param name="recordingsDirectory">The recording folder: given, the quality demo (recorded calls with WAVs, plans, evaluations) is written once.</param>
    public async Task<Result> SeedAsync(string? listsDirectory = null, CancellationToken ct = default, string? recordingsDirectory = null)
    {
        var tenantIds = new Dictionary<string, TenantId>
        {
            [DemoCampaigns.BankTenant] = await tenants.UpsertAsync(DemoCampaigns.BankTenant, "示范银行股份有限公司", ct),
            [DemoCampaigns.PowerTenant] = await tenants.UpsertAsync(DemoCampaigns.PowerTenant, "示范供电公司（95598）", ct),
        };
        var campaignIds = new Dictionary<string, CampaignId>
        {
            [DemoCampaigns.BankCollections] = await EnsureCampaign(tenantIds[DemoCampaigns.BankTenant], DemoCampaigns.Bank, ct),
            [DemoCampaigns.PowerSurvey] = await EnsureCampaign(tenantIds[DemoCampaigns.PowerTenant], DemoCampaigns.Power, ct),
            [DemoCampaigns.PowerHotline] = await EnsureCampaign(tenantIds[DemoCampaigns.PowerTenant], DemoCampaigns.Hotline, ct),
        };
        await new InboundQueueSettings(dataSource).SaveAsync(tenantIds[DemoCampaigns.PowerTenant], campaignIds[DemoCampaigns.PowerHotline],
            DemoCampaigns.HotlineQueue, overflowCampaign: null, new Dictionary<string, IReadOnlyDictionary<string, int>>(), "demo seed", clock.GetUtcNow(), ct);

        foreach (var demo in DemoUsers.All)
        {
            var tenant = demo.TenantCode is null ? null : tenantIds[demo.TenantCode];
            var result = await accounts.EnsureAsync(demo.Email, demo.DisplayName, demo.Role, tenant, DemoUsers.Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo user {demo.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            if (demo.Role is Roles.Agent or Roles.Supervisor or Roles.Qa)
            {
                var user = await users.FindByEmailAsync(demo.Email) ?? throw new InvalidOperationException($"{demo.Email} vanished.");
                // The hotline is served by the demo's bots (agents log in to it once assigned on the campaign page); the
                // supervisor oversees every campaign, its queue included.
                foreach (var (code, campaign) in campaignIds)
                    if (code != DemoCampaigns.PowerHotline || demo.Role != Roles.Agent) await assignments.AssignAsync(campaign, user.Id, ct);
            }
        }
        await DemoBilling.EnsureAsync(dataSource, tenantIds, clock, ct);
        await workforce.SeedAsync(ct);
        if (recordingsDirectory is not null)
            await quality.SeedAsync(tenantIds[DemoCampaigns.BankTenant], campaignIds[DemoCampaigns.BankCollections].Value, recordingsDirectory, ct);
        await workOrders.SeedAsync(tenantIds, campaignIds, ct);
        var loaded = new List<ListImportResult>();
        foreach (var (code, campaign) in campaignIds.Where(c => c.Key != DemoCampaigns.PowerHotline))
        {
            var tenant = code == DemoCampaigns.BankCollections ? tenantIds[DemoCampaigns.BankTenant] : tenantIds[DemoCampaigns.PowerTenant];
            if (await LoadListAsync(listsDirectory, code, tenant, campaign, ct) is { } result) loaded.Add(result);
        }
        return new Result(tenantIds, campaignIds, DemoUsers.All.Count, loaded);
    }

    /// <summary>Loads CODE.csv once: a campaign that already has a completed import of that file keeps its leads.</summary>
    private async Task<ListImportResult?> LoadListAsync(string? directory, string code, TenantId tenant, CampaignId campaign, CancellationToken ct)
    {
        var path = directory is null ? null : Path.Combine(directory, code + ".csv");
        if (path is null || !File.Exists(path)) return null;
        var fileName = Path.GetFileName(path);
        var earlier = await imports.OfCampaignAsync(campaign, TenantScope.For(tenant), ct);
        if (earlier.Any(i => i.FileName == fileName && i.Status == "completed")) return null;
        await using var file = File.OpenRead(path);
        return await importer.ImportAsync(new ListImportRequest(tenant, campaign, fileName, CreatedBy: "demo seed"), file, ct: ct);
    }

    private async Task<CampaignId> EnsureCampaign(TenantId tenant, CampaignDefinition definition, CancellationToken ct)
    {
        var problems = CampaignSettingsValidator.Validate(definition);
        if (problems.Count > 0)
            throw new InvalidOperationException($"Demo campaign {definition.Code} is invalid: {string.Join(", ", problems.Select(p => $"{p.Field} {p.Problem}"))}");
        var existing = await campaigns.FindByCodeAsync(definition.Code, TenantScope.AllTenants, ct);
        if (existing is null)
            return await campaigns.CreateAsync(tenant, definition, ct)
                ?? throw new InvalidOperationException($"Campaign code {definition.Code} was taken meanwhile.");
        if (existing.TenantId != tenant)
            throw new InvalidOperationException($"Campaign {definition.Code} exists under tenant {existing.TenantCode}; not touching it.");
        await campaigns.UpdateAsync(existing.Id, TenantScope.AllTenants, definition, ct);
        return existing.Id;
    }
}
