using Microsoft.Extensions.Options;
using Outbound.Data;
using Outbound.Data.Knowledge;
using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>
/// The SLA timer service: every <see cref="WorkOrderOptions.SweepSeconds"/> it runs an <see cref="SlaSweep"/> (warnings,
/// escalations, call links), brings article versions whose effective day has come into effect, and pushes the notices to
/// the users' desks. A failed pass (the database down) is logged and the next one tries again: the due orders are still due.
/// </summary>
public sealed class SlaTimerService(SlaSweep sweep, KnowledgeStore knowledge, WorkOrderNotifier notifier, TimeProvider clock,
    IOptions<WorkOrderOptions> options, ILogger<SlaTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), clock);
        do
        {
            await PassAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PassAsync(CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            var result = await sweep.RunAsync(now, ct: ct);
            await knowledge.PromoteDueAsync(CenterTime.China.Day(now), now, ct);
            if (result.Warnings + result.Escalations > 0)
                logger.LogInformation("SLA sweep: {Checked} orders checked, {Warnings} warnings, {Escalations} escalations", result.Checked, result.Warnings,
                    result.Escalations);
            await notifier.PushAsync(result.Notices);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "SLA sweep failed; the next pass retries");
        }
    }
}
