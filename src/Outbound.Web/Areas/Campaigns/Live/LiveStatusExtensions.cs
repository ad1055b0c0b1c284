namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>Wiring of the live campaign status: SignalR, the watch list and the broadcaster.</summary>
public static class LiveStatusExtensions
{
    public static IServiceCollection AddCampaignLiveStatus(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<LiveWatchList>();
        services.AddHostedService<CampaignLiveBroadcaster>();
        return services;
    }

    public static WebApplication MapCampaignLiveStatus(this WebApplication app)
    {
        app.MapHub<CampaignLiveHub>(CampaignLiveHub.Path);
        return app;
    }
}
