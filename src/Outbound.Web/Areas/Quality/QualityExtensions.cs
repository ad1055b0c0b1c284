namespace Outbound.Web.Areas.Quality;

public static class QualityExtensions
{
    public static IServiceCollection AddQualityPages(this IServiceCollection services) => services.AddScoped<QualityViewers>().AddSingleton<RecordingFiles>();

    public static IEndpointRouteBuilder MapQuality(this IEndpointRouteBuilder app) => app.MapQualityRecordings();
}
