using NodaTime;
using Outbound.Core.Collections;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;

namespace Outbound.Reports.Performance;

/// <summary>
/// Runs the report's queries through Core's <see cref="PerformanceTally"/>; null when the campaign is not visible in the scope.
/// <paramref name="promiseGraceDays"/> is the grace the repayment file upload keeps promises with, so both judge alike.
/// </summary>
public sealed class PerformanceReportDataSource(PerformanceQueries queries, TenantRepository tenants, TimeProvider clock,
    int promiseGraceDays = PromiseKeeping.DefaultGraceDays, Data.Quality.QualitySummaries? quality = null)
{
    private static readonly DateTimeZone Center = DateTimeZoneProviders.Tzdb[CenterTime.ChinaZoneId];

    public async Task<PerformanceReportModel?> LoadAsync(string campaignCode, DateOnly from, DateOnly to, TenantScope scope, CancellationToken ct = default)
    {
        if (to < from) throw new ArgumentException("the period ends before it starts", nameof(to));
        if (await queries.FindCampaignAsync(campaignCode, scope, ct) is not { } campaign) return null;
        var tenant = await tenants.FindAsync(campaign.TenantId, ct);
        var now = clock.GetUtcNow();
        var tally = new PerformanceTally(campaign.Settings.Dispositions, campaign.Settings.AbandonCap, Center, CenterTime.China.Day(now),
            promiseGraceDays: promiseGraceDays);
        await queries.TallyAsync(campaign, from, to, tally, ct);
        var (orders, timeliness) = await queries.ServiceAsync(campaign, from, to, now, ct);
        var figures = tally.Result();
        return new PerformanceReportModel(campaign.Code, campaign.Name, campaign.Kind, campaign.TenantId, tenant?.Name ?? "", from, to, figures,
            campaign.Settings.Dispositions, campaign.Settings.Questionnaire, now, await queries.AgentNamesAsync(figures.Agents.Select(a => a.Agent), ct),
            quality is null ? null : await quality.LoadAsync(campaign.Id.Value, from, to, ct), new ServiceReport(orders, timeliness))
        {
            Refusals = await queries.RefusalsAsync(campaign, from, to, ct),
        };
    }
}
