using Outbound.Data.Desk;
using Outbound.Dialer;
using Outbound.Dialer.Inbound;
using Outbound.Web.Areas.Wallboard;

namespace Outbound.Web.Areas.Desk;

/// <summary>Wiring of the agent desk and the supervisor wallboard.</summary>
public static class DeskExtensions
{
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddDeskData();
        services.AddSingleton<DeskNotifier>();
        services.AddSingleton<DeskSessions>();
        services.AddSingleton(sp => new AcdServices(sp.GetRequiredService<DialerServices>(), sp.GetRequiredService<InboundCallLog>(), sp.GetRequiredService<IvrTrees>())
        {
            QueueSettings = sp.GetRequiredService<InboundQueueSettings>(),
        });
        services.AddSingleton<AcdQueues>();
        services.AddSingleton<WallboardBoard>();
        services.AddSingleton<WallboardScope>();
        services.AddHostedService<WallboardBroadcaster>();
        return services;
    }

    public static WebApplication MapAgentDesk(this WebApplication app)
    {
        app.MapHub<AgentDeskHub>(AgentDeskHub.Path);
        app.MapHub<WallboardHub>(WallboardHub.Path);
        app.MapHub<DeskMessagesHub>(DeskMessagesHub.Path);
        return app;
    }
}
