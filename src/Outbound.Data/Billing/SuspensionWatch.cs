using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Outbound.Data.Billing;

/// <summary>Re-evaluates every client's standing periodically, so that overdue clients are suspended without anyone asking.</summary>
public sealed class SuspensionWatch(TenantSuspensions suspensions, TimeProvider clock, ILogger<SuspensionWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var suspended = await suspensions.EvaluateAllAsync(stoppingToken);
                if (suspended > 0) logger.LogInformation("{Count} clients suspended for overdue rent", suspended);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Evaluating client suspensions failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
