using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Outbound.Reports.Pdf;

public static class ReportFontsHosting
{
    public const string FontPathKey = "Outbound:Reports:FontPath";

    /// <summary>
    /// Where the PDFs' Chinese font is (<c>Outbound:Reports:FontPath</c>, Debian's by default), and a clear
    /// message at start-up when it is missing. The host still starts: only PDF downloads need the font.
    /// </summary>
    public static IHostApplicationBuilder AddOutboundReportFonts(this IHostApplicationBuilder builder)
    {
        ReportFonts.Configure(builder.Configuration[FontPathKey] is { Length: > 0 } path ? path : ReportFonts.DefaultCollectionPath);
        builder.Services.AddHostedService<FontCheckAtStart>();
        return builder;
    }

    private sealed class FontCheckAtStart(ILogger<FontCheckAtStart> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!ReportFonts.Available)
                logger.LogError("PDF downloads are unavailable: the Chinese font {Path} is missing. Install the Debian package {Package} " +
                                "(ops/install-deps does); no restart is needed afterwards.", ReportFonts.CollectionPath, ReportFonts.Package);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
