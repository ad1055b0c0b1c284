using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outbound.Data.Knowledge;

namespace Outbound.Data.WorkOrders;

public static class WorkOrderDataExtensions
{
    /// <summary>Work orders, their calendar and SLA sweep, and the knowledge base (the host registers the <c>NpgsqlDataSource</c>).</summary>
    public static IServiceCollection AddWorkOrderData(this IServiceCollection services)
    {
        services.TryAddSingleton<ChineseSegmenter>();
        services.TryAddSingleton<OrderText>();
        services.TryAddSingleton<CalendarStore>();
        services.TryAddSingleton<Departments>();
        services.TryAddSingleton<OrderTypes>();
        services.TryAddSingleton<OrderViewers>();
        services.TryAddSingleton<WorkOrderStore>();
        services.TryAddSingleton<WorkOrderSearch>();
        services.TryAddSingleton<WorkOrderNotices>();
        services.TryAddSingleton<SlaSweep>();
        services.TryAddSingleton<ServiceMetricsQueries>();
        services.TryAddSingleton<KnowledgeStore>();
        services.TryAddSingleton<KnowledgeSearch>();
        return services;
    }
}
