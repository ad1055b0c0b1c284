using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Outbound.Data.Database;

namespace Outbound.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Outbound";

    /// <summary>Registers the one <see cref="NpgsqlDataSource"/> of the process and the migrator.</summary>
    public static IHostApplicationBuilder AddOutboundData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Start PostgreSQL with 'ops/pg up' and pass 'ops/pg url'.");
        builder.Services.AddSingleton(_ => OutboundDataSource.Create(connectionString));
        builder.Services.AddSingleton<DatabaseMigrator>();
        return builder;
    }
}
