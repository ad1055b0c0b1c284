using System.Text.Json;
using Outbound.Core.Lists;
using Outbound.Data.Lists;

namespace Outbound.Cli.Commands;

/// <summary><c>lists import --tenant CODE --campaign CODE --file F [--encoding auto|utf-8|gb18030] [--map field=column …] [--errors F.csv] --json</c></summary>
public static class ListsCommands
{
    public static async Task<int> ImportAsync(CliArgs args)
    {
        var input = CampaignFileArgs.Parse(args);
        var overrides = ParseMap(args.All("map"));
        input.EnsureFileExists();

        await using var dataSource = CliDatabase.Open();
        var target = await input.ResolveAsync(dataSource);
        var importer = new ListImporter(dataSource, TimeProvider.System);
        ListImportResult result;
        try
        {
            await using var stream = new FileStream(input.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            result = await importer.ImportAsync(
                new ListImportRequest(target.Tenant, target.Campaign, Path.GetFileName(input.File), input.Encoding, overrides, Environment.UserName),
                stream);
        }
        catch (ListImportFailedException e)
        {
            Console.Error.WriteLine($"outbound lists import: {e.Message}");
            if (e.ImportId is { } id) Console.Error.WriteLine($"the failed import is recorded as {id}");
            return 1;
        }

        if (args.Optional("errors") is { } errorsFile)
        {
            await using var output = File.Create(errorsFile);
            await new ListImportQueries(dataSource).WriteRejectsCsvAsync(target.Tenant, result.ImportId, output);
        }
        if (args.Flag("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                rows = result.Rows,
                imported = result.Imported,
                rejected = result.Rejected,
                duplicates = result.Duplicates,
                dnc = result.Dnc,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
            }));
        }
        else
        {
            Console.Error.WriteLine($"import {result.ImportId} ({result.Encoding}): {result.Rows} rows, {result.Imported} imported, " +
                $"{result.Rejected} rejected ({result.Duplicates} duplicates, {result.Dnc} DNC) in {result.Elapsed.TotalSeconds:F2} s");
        }
        return 0;
    }

    private static Dictionary<string, string> ParseMap(IReadOnlyList<string> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1) throw new CliUsageException($"--map takes field=column, got '{pair}'");
            map[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return map;
    }
}
