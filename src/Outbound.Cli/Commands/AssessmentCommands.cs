using System.Text.Json;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Assessment;
using Outbound.Data.Database;
using Outbound.Data.Workforce;
using Outbound.Reports.Assessment;

namespace Outbound.Cli.Commands;

/// <summary><c>assessment rules</c> lists the stored catalogue; <c>assessment settle</c> settles (or re-exports) a month; <c>assessment detect</c> proposes drafts.</summary>
public static class AssessmentCommands
{
    /// <summary>The operator at the console acts as Hr; a uuid of zeros marks it in the settlement record.</summary>
    private static readonly AssessmentActor ConsoleOperator = new(new AgentId(Guid.Empty), AssessmentRole.Hr);

    public static async Task<int> RulesAsync(CliArgs args)
    {
        await using var dataSource = CliDatabase.Open();
        await new DatabaseMigrator(dataSource).MigrateAsync();
        var rules = await new AssessmentRules(dataSource).ListAsync();
        if (args.Flag("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(rules.Select(r => new
            {
                number = r.Number.Value,
                text = r.Text.Zh,
                text_en = r.Text.En,
                category = r.Category.Code(),
                points = r.Points,
                fine_min = Plain(r.Fine?.Min),
                fine_max = Plain(r.Fine?.Max),
                compensation = r.Compensation,
                may_dismiss = r.MayDismiss,
                evidence = r.Evidence.Code(),
            }), Json));
            return 0;
        }
        foreach (var r in rules)
            Console.WriteLine($"{r.Number,3}  {r.Category.Code(),-10} {r.Points,3} 分  {FineText(r),-14} {(r.MayDismiss ? "可除名" : "")}  {r.Text.Zh}");
        return 0;
    }

    public static async Task<int> SettleAsync(CliArgs args)
    {
        if (!CalendarMonth.TryParse(args.Required("month"), out var month))
            throw new CliUsageException("--month must be YYYY-MM");
        var outPath = args.Required("out");

        await using var dataSource = CliDatabase.Open();
        await new DatabaseMigrator(dataSource).MigrateAsync();
        var settlements = new Settlements(dataSource);
        Settlement settlement;
        if (await settlements.FindAsync(month) is { } existing)
        {
            Console.Error.WriteLine($"{month} was settled at {existing.Summary.SettledAt:u} and is locked; exporting the stored settlement");
            settlement = existing;
        }
        else
        {
            try { settlement = await settlements.SettleAsync(month, ConsoleOperator, TimeProvider.System.GetLocalNow()); }
            catch (AssessmentRefusedException e)
            {
                Console.Error.WriteLine($"outbound assessment settle: {e.Message}");
                return 1;
            }
        }

        await using (var file = File.Create(outPath))
            await PayrollCsv.WriteAsync(settlement, file);

        var s = settlement.Summary;
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                month = s.Month.ToString(), agents = s.Agents, total_points = s.TotalPoints, total_fines = Plain(s.TotalFines),
                total_net_pay = Plain(s.TotalNetPay), locked = s.Locked, @out = outPath,
            }, Json));
        else
            Console.Error.WriteLine($"{s.Month}: {s.Agents} agents, {s.TotalPoints} points, fines ¥{s.TotalFines:0.00}, net ¥{s.TotalNetPay:0.00} → {outPath}");
        return 0;
    }

    public static async Task<int> StatementAsync(CliArgs args)
    {
        if (!CalendarMonth.TryParse(args.Required("month"), out var month))
            throw new CliUsageException("--month must be YYYY-MM");
        var employeeNo = args.Required("agent");
        var outPath = args.Required("out");
        await using var dataSource = CliDatabase.Open();
        await new DatabaseMigrator(dataSource).MigrateAsync();
        var staff = (await new Staff(dataSource).ListAsync()).FirstOrDefault(s => s.EmployeeNo == employeeNo);
        if (staff is null)
        {
            Console.Error.WriteLine($"outbound assessment statement: no agent with employee number '{employeeNo}'");
            return 1;
        }
        var model = await new AssessmentStatementDataSource(dataSource, TimeProvider.System).LoadAsync(staff.Agent, month, ConsoleOperator);
        await File.WriteAllBytesAsync(outPath, new AssessmentStatementDocument(model).GeneratePdf());
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new { agent = employeeNo, month = month.ToString(), settled = model.Settled, @out = outPath }));
        return 0;
    }

    /// <summary>
    /// <c>assessment detect --month YYYY-MM [--json]</c>: proposes drafts from the month's ended shifts (rule 2 from
    /// logins, rule 13 from handover logs) for Hr to decide; for a cron job or after importing attendance data.
    /// </summary>
    public static async Task<int> DetectAsync(CliArgs args)
    {
        if (!CalendarMonth.TryParse(args.Required("month"), out var month))
            throw new CliUsageException("--month must be YYYY-MM");
        await using var dataSource = CliDatabase.Open();
        await new DatabaseMigrator(dataSource).MigrateAsync();
        var proposed = await new DetectionRun(dataSource, CenterTime.China).RunAsync(month.FirstDay, month.LastDay, TimeProvider.System.GetUtcNow());
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new { month = month.ToString(), proposed = proposed.Count }));
        else
            Console.Error.WriteLine($"{month}: {proposed.Count} new proposals, drafts for Hr to confirm or void");
        return 0;
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // numeric(12,2) reads back as 100.00; the contract shows yuan as plain numbers (100, 1000).
    private static decimal? Plain(decimal? d) => d / 1.0000000000000000000000000000m;

    private static string FineText(AssessmentRule r) =>
        r.Compensation ? "照价赔偿" : r.Fine is null ? "" : r.Fine.Min == r.Fine.Max ? $"¥{r.Fine.Min:0}" : $"¥{r.Fine.Min:0}–{r.Fine.Max:0}";
}
