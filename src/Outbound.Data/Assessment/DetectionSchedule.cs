using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outbound.Data.Assessment;

public sealed class DetectionOptions
{
    /// <summary>How often yesterday's and today's ended shifts are looked at; zero turns the schedule off.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Runs <see cref="DetectionRun"/> over yesterday and today at a fixed interval, so that late logins and missing
/// handover logs reach Hr's draft queue without anyone pressing a button. It only proposes: drafts wait for Hr.
/// The first run is one interval after start (the demo seed and Hr's own button cover start-up).
/// </summary>
public sealed class DetectionSchedule(DetectionRun detection, CenterTime center, TimeProvider clock, IOptions<DetectionOptions> options,
    ILogger<DetectionSchedule> log) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>
    /// The interval starts when the host starts this service, not whenever the thread pool gets to <see cref="ExecuteAsync"/>
    /// (.NET runs it in the background): time that passes in between is not lost.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Every > TimeSpan.Zero) _timer = new PeriodicTimer(options.Value.Every, clock);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer) return;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var today = center.Day(clock.GetUtcNow());
                var proposed = await detection.RunAsync(today.AddDays(-1), today, clock.GetUtcNow(), stoppingToken);
                if (proposed.Count > 0) log.LogInformation("Proposed {Count} deductions to Hr from attendance and handover logs", proposed.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Assessment detection failed; trying again in {Every}", options.Value.Every);
            }
        }
    }
}
