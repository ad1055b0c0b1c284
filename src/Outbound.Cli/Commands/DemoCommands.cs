using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outbound.Data;
using Outbound.Data.Database;
using Outbound.Data.Demo;

namespace Outbound.Cli.Commands;

public static class DemoCommands
{
    /// <summary><c>demo seed [--lists DIR] [--recordings DIR]</c>: migrates, then (re)creates the demo tenants, campaigns and logins, loads campaigns/lists/CODE.csv once, and writes the quality demo once.</summary>
    public static async Task<int> SeedAsync(CliArgs args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = CliDatabase.ConnectionString;
        builder.AddOutboundData();
        using var host = builder.Build();

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var lists = args.Optional("lists") ?? Path.Combine(Environment.GetEnvironmentVariable("OUTBOUND_ROOT") ?? ".", "campaigns", "lists");
        // The web app's recording folder (ops/run sets it), where the quality demo writes its calls' WAVs.
        var recordings = args.Optional("recordings") ?? builder.Configuration["Outbound:Dialer:RecordingFolder"]
            ?? Path.Combine(Environment.GetEnvironmentVariable("OUTBOUND_ROOT") ?? ".", ".data", "recordings");
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(lists, recordingsDirectory: Path.GetFullPath(recordings));

        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                tenants = result.Tenants.Keys, campaigns = result.Campaigns.Keys, users = result.Users,
                lists = result.ListsLoaded.Select(l => new { l.ImportId, l.Rows, l.Imported, l.Rejected }),
            }));
        else
            Console.Error.WriteLine($"demo seeded: tenants {string.Join(", ", result.Tenants.Keys)}; campaigns {string.Join(", ", result.Campaigns.Keys)}; " +
                $"{result.Users} users (password {DemoUsers.Password}); lists loaded: {string.Join(", ", result.ListsLoaded.Select(l => $"{l.Imported}/{l.Rows} rows"))}");
        return 0;
    }
}
