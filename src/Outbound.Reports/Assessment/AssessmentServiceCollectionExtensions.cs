using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Outbound.Data;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;

namespace Outbound.Reports.Assessment;

public static class AssessmentServiceCollectionExtensions
{
    /// <summary>Assessment and workforce stores, the detection schedule and the statement data source (needs AddOutboundData first).</summary>
    public static IHostApplicationBuilder AddOutboundAssessment(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(CenterTime.China);
        services.AddSingleton(sp => new AssessmentRules(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Deductions(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Settlements(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Staff(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Rosters(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CenterTime>()));
        services.AddSingleton(sp => new Handovers(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CenterTime>()));
        services.AddSingleton(sp => new AttendanceLog(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CenterTime>()));
        services.AddSingleton(sp => new ProtectedFiles(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CenterTime>()));
        services.AddSingleton(sp => new DetectionRun(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CenterTime>()));
        services.AddOptions<DetectionOptions>().BindConfiguration("Assessment:Detection")
            .Validate(o => o.Every >= TimeSpan.Zero, "Assessment:Detection:Every must not be negative").ValidateOnStart();
        services.AddHostedService<DetectionSchedule>();
        services.AddSingleton(sp => new AssessmentStatementDataSource(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
