using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>Wiring of work orders and the knowledge base in the web host: stores, the per-request viewer, the SLA timer service.</summary>
public static class WorkOrdersWebExtensions
{
    public static IServiceCollection AddWorkOrders(this IServiceCollection services)
    {
        services.AddWorkOrderData();
        services.AddScoped<CurrentViewer>();
        services.AddSingleton<WorkOrderNotifier>();
        services.AddOptions<WorkOrderOptions>().BindConfiguration(WorkOrderOptions.Section)
            .Validate(o => o.SweepSeconds is >= 1 and <= 3600, "Outbound:WorkOrders:SweepSeconds must be 1–3600").ValidateOnStart();
        services.AddSingleton<SlaTimerService>();
        services.AddHostedService(sp => sp.GetRequiredService<SlaTimerService>());
        services.AddHostedService<SegmenterWarmup>();
        return services;
    }

    /// <summary>Loads jieba's dictionary at start, so the first search does not wait seconds for it.</summary>
    private sealed class SegmenterWarmup(Data.Knowledge.ChineseSegmenter segmenter) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(segmenter.Warm, stoppingToken);
    }
}
