using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Outbound.Data.Billing;
using Outbound.Data.Collections;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Reports.Contracts;
using Outbound.Reports.Performance;

namespace Outbound.Reports.Billing;

public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Contracts, billing, suspensions and performance reports (needs AddOutboundData first). With
    /// <paramref name="watchSuspensions"/>, a background service suspends overdue clients on its own.
    /// </summary>
    public static IHostApplicationBuilder AddOutboundBilling(this IHostApplicationBuilder builder, bool watchSuspensions = true)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TenantRepository(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new BillingAccounts(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<BillingAccounts>().Terms);
        services.AddSingleton(sp => sp.GetRequiredService<BillingAccounts>().Payments);
        services.AddSingleton(sp => new TenantSuspensions(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<BillingAccounts>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TenantStandingQuery(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new MaintenanceWindows(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new DownloadLog(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PerformanceQueries(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new ContractDataSource(sp.GetRequiredService<ContractTermsStore>(), sp.GetRequiredService<TenantRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new StatementDataSource(sp.GetRequiredService<BillingAccounts>(), sp.GetRequiredService<TenantRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<CollectionsOptions>().BindConfiguration(CollectionsOptions.Section)
            .Validate(o => o.PromiseGraceDays is >= 0 and <= 31, "Outbound:Collections:PromiseGraceDays must be 0–31").ValidateOnStart();
        services.AddSingleton(sp => new PerformanceReportDataSource(sp.GetRequiredService<PerformanceQueries>(), sp.GetRequiredService<TenantRepository>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CollectionsOptions>>().Value.PromiseGraceDays, sp.GetService<Data.Quality.QualitySummaries>()));
        services.AddSingleton(sp => new RepaymentImporter(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CollectionsOptions>>().Value.PromiseGraceDays));
        if (watchSuspensions) services.AddHostedService<SuspensionWatch>();
        return builder;
    }
}
