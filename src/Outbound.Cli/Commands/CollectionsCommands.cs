using System.Text.Json;
using Outbound.Core.Collections;
using Outbound.Core.Lists;
using Outbound.Data.Collections;
using Outbound.Data.Lists;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>collections repayments --tenant CODE --campaign CODE --file F [--encoding auto|utf-8|gb18030] [--grace DAYS] --json</c>:
/// applies the client's repayment file (还款回盘) to one campaign; refused lines go to stderr.
/// </summary>
public static class CollectionsCommands
{
    public static async Task<int> RepaymentsAsync(CliArgs args)
    {
        var tenantCode = args.Required("tenant");
        var campaignCode = args.Required("campaign");
        var file = args.Required("file");
        if (!ListEncodingChoices.TryParse(args.Optional("encoding"), out var encoding))
            throw new CliUsageException("--encoding must be auto, utf-8 or gb18030");
        var grace = PromiseKeeping.DefaultGraceDays;
        if (args.Optional("grace") is { } g && (!int.TryParse(g, out grace) || grace is < 0 or > 31))
            throw new CliUsageException("--grace must be a number of days from 0 to 31");
        if (!File.Exists(file)) throw new CliUsageException($"no such file: {file}");
        if (new FileInfo(file).Length > RepaymentImporter.MaxFileBytes) throw new CliUsageException("the file is larger than 32 MB");

        await using var dataSource = CliDatabase.Open();
        var target = await ListImportTargets.ResolveAsync(dataSource, tenantCode, campaignCode)
            ?? throw new CliUsageException($"no campaign '{campaignCode}' for tenant '{tenantCode}'");
        RepaymentImportResult result;
        try
        {
            result = await new RepaymentImporter(dataSource, TimeProvider.System, grace)
                .ImportAsync(target.Tenant, target.Campaign, Path.GetFileName(file), await File.ReadAllBytesAsync(file), Environment.UserName, encoding);
        }
        catch (RepaymentFileException e)
        {
            Console.Error.WriteLine($"outbound collections repayments: {e.Message}");
            return 1;
        }
        foreach (var rejected in result.Rejected) Console.Error.WriteLine($"line {rejected.Line}: {rejected.Reason}");
        if (args.Flag("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                rows = result.Rows, applied = result.Applied, already_known = result.AlreadyKnown, rejected = result.Rejected.Count,
                newly_kept = result.NewlyKept, kept = result.Promises.Kept, broken = result.Promises.Broken, open = result.Promises.Open,
            }));
        }
        else
        {
            Console.Error.WriteLine($"{result.Rows} rows: {result.Applied} payments recorded, {result.AlreadyKnown} already known, " +
                $"{result.Rejected.Count} rejected; {result.NewlyKept} promises kept now; promises kept {result.Promises.Kept}, " +
                $"broken {result.Promises.Broken}, open {result.Promises.Open}");
        }
        return 0;
    }
}
