using System.Text.Json;
using Outbound.Core.Collections;
using Outbound.Data.Collections;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>collections repayments --tenant CODE --campaign CODE --file F [--encoding auto|utf-8|gb18030] [--grace DAYS] --json</c>:
/// applies the client's repayment file (还款回盘) to one campaign; refused lines go to stderr.
/// </summary>
public static class CollectionsCommands
{
    public static async Task<int> RepaymentsAsync(CliArgs args)
    {
        var input = CampaignFileArgs.Parse(args);
        var grace = PromiseKeeping.DefaultGraceDays;
        if (args.Optional("grace") is { } g && (!int.TryParse(g, out grace) || grace is < 0 or > 31))
            throw new CliUsageException("--grace must be a number of days from 0 to 31");
        input.EnsureFileExists();
        if (new FileInfo(input.File).Length > RepaymentImporter.MaxFileBytes) throw new CliUsageException("the file is larger than 32 MB");

        await using var dataSource = CliDatabase.Open();
        var target = await input.ResolveAsync(dataSource);
        RepaymentImportResult result;
        try
        {
            result = await new RepaymentImporter(dataSource, TimeProvider.System, grace)
                .ImportAsync(target.Tenant, target.Campaign, Path.GetFileName(input.File), await File.ReadAllBytesAsync(input.File), Environment.UserName, input.Encoding);
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
