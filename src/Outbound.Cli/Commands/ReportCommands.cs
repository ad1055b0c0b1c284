using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Data.Database;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Reports.Billing;
using Outbound.Reports.Contracts;
using Outbound.Reports.Performance;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>report contract|statement|performance … --out F.pdf</c> (DESIGN.md) write the client documents;
/// with <c>--json</c> they print <c>{"out","pages","bytes","seconds"}</c>. <c>billing check</c> suspends
/// overdue clients and lifts paid ones now, instead of waiting for the background watch.
/// </summary>
public static class ReportCommands
{
    public static Task<int> ContractAsync(CliArgs args) => WriteAsync(args, async db =>
    {
        var model = await new ContractDataSource(new ContractTermsStore(db), new TenantRepository(db), TimeProvider.System)
            .LoadAsync(args.Required("tenant"), TenantScope.AllTenants);
        return model is null ? null : new ContractDocument(model).GeneratePdf();
    }, $"no contract terms for tenant '{args.Optional("tenant")}'");

    public static Task<int> StatementAsync(CliArgs args)
    {
        if (!CalendarMonth.TryParse(args.Required("month"), out var month)) throw new CliUsageException("--month must be YYYY-MM");
        return WriteAsync(args, async db =>
        {
            var model = await new StatementDataSource(new BillingAccounts(db, TimeProvider.System), new TenantRepository(db), TimeProvider.System)
                .LoadAsync(args.Required("tenant"), month, TenantScope.AllTenants);
            return model is null ? null : new StatementDocument(model).GeneratePdf();
        }, $"no contract terms for tenant '{args.Optional("tenant")}'");
    }

    public static Task<int> PerformanceAsync(CliArgs args)
    {
        var from = Day(args.Required("from"), "from");
        var to = Day(args.Required("to"), "to");
        if (to < from) throw new CliUsageException("--to is before --from");
        return WriteAsync(args, async db =>
        {
            var quality = new Data.Quality.QualitySummaries(db, new Data.Quality.QualityCharts(db), Data.CenterTime.China);
            var model = await new PerformanceReportDataSource(new PerformanceQueries(db), new TenantRepository(db), TimeProvider.System, quality: quality)
                .LoadAsync(args.Required("campaign"), from, to, TenantScope.AllTenants);
            return model is null ? null : new PerformanceReportDocument(model).GeneratePdf();
        }, $"no campaign '{args.Optional("campaign")}'");
    }

    public static async Task<int> BillingCheckAsync(CliArgs args)
    {
        await using var db = CliDatabase.Open();
        await new DatabaseMigrator(db).MigrateAsync();
        var accounts = new BillingAccounts(db, TimeProvider.System);
        var suspensions = new TenantSuspensions(db, accounts, TimeProvider.System);
        var tenants = new TenantRepository(db);
        var rows = new List<object>();
        foreach (var terms in await accounts.Terms.ListAsync())
        {
            var suspension = await suspensions.EvaluateAsync(terms.TenantId);
            var code = (await tenants.FindAsync(terms.TenantId))?.Code ?? terms.TenantId.ToString();
            rows.Add(new { tenant = code, suspended = suspension is not null, days_overdue = suspension?.DaysOverdue ?? 0, outstanding = suspension?.Outstanding ?? 0 });
            if (!args.Flag("json")) Console.Error.WriteLine($"{code}: {(suspension is null ? "active" : $"suspended, {suspension.DaysOverdue} days overdue, ¥{suspension.Outstanding:N2} owed")}");
        }
        if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(rows));
        return 0;
    }

    private static async Task<int> WriteAsync(CliArgs args, Func<Npgsql.NpgsqlDataSource, Task<byte[]?>> render, string notFound)
    {
        var outPath = args.Required("out");
        var watch = Stopwatch.StartNew();
        await using var db = CliDatabase.Open();
        await new DatabaseMigrator(db).MigrateAsync();
        if (await render(db) is not { } pdf)
        {
            Console.Error.WriteLine(notFound);
            return 1;
        }
        await File.WriteAllBytesAsync(outPath, pdf);
        var seconds = watch.Elapsed.TotalSeconds;
        var pages = CountPages(pdf);
        if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(new { @out = outPath, pages, bytes = pdf.Length, seconds = Math.Round(seconds, 3) }));
        else Console.Error.WriteLine($"wrote {outPath}: {pages} pages, {pdf.Length:N0} bytes in {seconds:F2} s");
        return 0;
    }

    private static int CountPages(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    private static DateOnly Day(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new CliUsageException($"--{name} must be YYYY-MM-DD");
}
