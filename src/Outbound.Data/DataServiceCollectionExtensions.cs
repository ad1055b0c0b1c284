using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Outbound.Data.Campaigns;
using Outbound.Data.Database;
using Outbound.Data.Demo;
using Outbound.Data.Identity;
using Outbound.Data.Tenants;
using Outbound.Data.Lists;
using Outbound.Data.Quality;
using Outbound.Data.Telephony;
using Outbound.Data.WorkOrders;

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
        builder.Services.AddOutboundIdentityStores();
        builder.Services.AddSingleton<TenantRepository>();
        builder.Services.AddSingleton<Identity.AgentDirectory>();
        builder.Services.AddSingleton<CampaignRepository>();
        builder.Services.AddSingleton<CampaignAgentRepository>();
        builder.Services.AddSingleton<CampaignImports>();
        builder.Services.AddSingleton<ListProgressQueries>();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<DemoWorkforce>();
        builder.Services.AddScoped<DemoQuality>();
        builder.Services.AddScoped<DemoWorkOrders>();
        builder.Services.AddWorkOrderData();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ListImporter>();
        builder.Services.AddSingleton<ListImportQueries>();
        builder.AddOutboundTelephonyData();
        builder.Services.AddQualityData();
        return builder;
    }
}
