using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Outbound.Data.Desk;

public static class DeskDataExtensions
{
    /// <summary>The desk, wallboard and inbound stores (the host registers the <c>NpgsqlDataSource</c>).</summary>
    public static IServiceCollection AddDeskData(this IServiceCollection services)
    {
        services.TryAddSingleton<DeskQueries>();
        services.TryAddSingleton<DeskCallForms>();
        services.TryAddSingleton<SupervisorActionLog>();
        services.TryAddSingleton<InboundCallLog>();
        services.TryAddSingleton<IvrTrees>();
        services.TryAddSingleton<InboundQueueSettings>();
        services.TryAddSingleton<DeskMessages>();
        return services;
    }
}
