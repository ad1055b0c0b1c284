using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Outbound.Data.Quality;

public static class QualityDataExtensions
{
    /// <summary>The quality side's stores, all singletons over the one data source.</summary>
    public static IServiceCollection AddQualityData(this IServiceCollection services)
    {
        services.TryAddSingleton(CenterTime.China);
        return services
            .AddSingleton<QualityForms>()
            .AddSingleton<QualityCalls>()
            .AddSingleton<SamplingPlans>()
            .AddSingleton<Evaluations>()
            .AddSingleton<Calibrations>()
            .AddSingleton<QualityCharts>()
            .AddSingleton<QualitySummaries>();
    }
}
