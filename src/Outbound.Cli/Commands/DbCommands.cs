using System.Text.Json;
using Outbound.Data.Database;

namespace Outbound.Cli.Commands;

public static class DbCommands
{
    public static async Task<int> MigrateAsync(CliArgs args)
    {
        await using var dataSource = CliDatabase.Open();
        var applied = await new DatabaseMigrator(dataSource).MigrateAsync();
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new { applied = applied.Select(m => m.Version) }));
        else
            Console.Error.WriteLine(applied.Count == 0 ? "database is up to date" : $"applied {string.Join(", ", applied.Select(m => $"{m.Version:D4}_{m.Name}"))}");
        return 0;
    }
}
