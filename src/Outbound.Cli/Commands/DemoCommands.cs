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
    /// <summary><c>demo seed</c>: migrates, then (re)creates the demo tenants, campaigns and logins.</summary>
    public static async Task<int> SeedAsync(CliArgs args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = CliDatabase.ConnectionString;
        builder.AddOutboundData();
        using var host = builder.Build();

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();

        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new { tenants = result.Tenants.Keys, campaigns = result.Campaigns.Keys, users = result.Users }));
        else
            Console.Error.WriteLine($"demo seeded: tenants {string.Join(", ", result.Tenants.Keys)}; campaigns {string.Join(", ", result.Campaigns.Keys)}; {result.Users} users (password {DemoUsers.Password})");
        return 0;
    }
}
