using System.Security.Cryptography;
using System.Text.Json;
using Outbound.Core.Quality;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Database;
using Outbound.Data.Performance;
using Outbound.Data.Quality;
using Outbound.Core.Tenants;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>qa sample --campaign CODE --month YYYY-MM [--per-agent N] [--seed S] [--take-all] --json</c> creates the campaign's
/// sampling plan of the month (or draws an existing one again from its stored seed, adding only missing calls)
/// → <c>{"campaign","month","agents","calls_sampled","seed"}</c>. A month whose agents have fewer calls than asked is
/// refused (exit 1) with the agents on stderr, unless <c>--take-all</c>.
/// </summary>
public static class QaCommands
{
    public static async Task<int> SampleAsync(CliArgs args)
    {
        var code = args.Required("campaign");
        if (!CalendarMonth.TryParse(args.Required("month"), out var month)) throw new CliUsageException("--month must be YYYY-MM");
        var seed = args.Optional("seed") is { } s ? int.TryParse(s, out var n) ? n : throw new CliUsageException("--seed must be a whole number")
            : RandomNumberGenerator.GetInt32(int.MaxValue);
        var settings = new SamplingSettings { PerAgent = args.Int("per-agent", new SamplingSettings().PerAgent), TakeAllWhenShort = args.Flag("take-all") };

        await using var db = CliDatabase.Open();
        await new DatabaseMigrator(db).MigrateAsync();
        var campaign = await new PerformanceQueries(db).FindCampaignAsync(code, TenantScope.AllTenants)
            ?? throw new CliUsageException($"no campaign '{code}'");
        var plans = new SamplingPlans(db, CenterTime.China);
        var period = PlanPeriod.Month(month.Year, month.Month);
        PlanSummary plan;
        if (await plans.ForPeriodAsync(campaign.Id.Value, period) is { } existing)
        {
            var (again, added) = await plans.RerunAsync(existing.Id);
            Console.Error.WriteLine($"qa sample: {code} {month} already planned (seed {again.Seed}); drawn again, {added} calls added");
            plan = again;
        }
        else
        {
            try
            {
                var outcome = await plans.CreateAsync(QualityViewer.System, campaign.Id.Value, period, settings, seed, DateTimeOffset.UtcNow);
                if (outcome.Plan is null)
                {
                    Console.Error.WriteLine($"qa sample: refused, {outcome.Draw.Short.Count} agents have fewer calls than {settings.PerAgent}: " +
                        string.Join(", ", outcome.Draw.Short.Select(a => $"{a.Agent} ({a.Eligible})")) + " — lower --per-agent or pass --take-all");
                    return 1;
                }
                plan = outcome.Plan;
            }
            catch (SamplingInvalidException e)
            {
                throw new CliUsageException($"invalid plan: {string.Join(", ", e.Problems)}");
            }
        }
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new { campaign = code, month = month.ToString(), agents = plan.Agents, calls_sampled = plan.Calls, seed = plan.Seed }));
        else
            Console.Error.WriteLine($"qa sample: {code} {month}: {plan.Calls} calls of {plan.Agents} agents (seed {plan.Seed})");
        return 0;
    }
}
