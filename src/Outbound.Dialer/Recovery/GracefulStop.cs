using Akka.Actor;
using Microsoft.Extensions.Logging;
using Outbound.Data.Dialing;
using Outbound.Dialer.Calls;

namespace Outbound.Dialer.Recovery;

/// <summary>
/// A graceful stop (SIGTERM): nothing new is dialled, live calls get up to <see cref="DialerOptions.DrainTimeout"/> to end
/// as they would, those still up are then interrupted and recorded as such with what they reached; agents log out; every
/// record is written (or kept in the outbox); the run is marked stopped. No call is left 'dialing'.
/// </summary>
public sealed class GracefulStop(ActorSystem system, DialerServices services, DialerRuns runs, ILogger<GracefulStop> logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan InterruptLimit = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken ct = default)
    {
        var started = services.Time.GetUtcNow();
        system.EventStream.Publish(new DialerEvents.Draining());
        logger.LogInformation("Stopping: no new dials; waiting up to {Timeout} for {Calls} live calls", services.Options.DrainTimeout, services.Live.Count);
        if (!await LiveCallsEndAsync(services.Options.DrainTimeout, ct))
        {
            var left = services.Live.All;
            logger.LogWarning("Stopping: {Count} calls still live after {Timeout}; closing them as interrupted", left.Count, services.Options.DrainTimeout);
            foreach (var call in left) call.Tell(new CallLifecycle.Interrupt());
            if (!await LiveCallsEndAsync(InterruptLimit, ct)) logger.LogError("Stopping: {Count} calls did not end", services.Live.Count);
        }
        system.EventStream.Publish(new DialerEvents.ShuttingDown());
        await Task.Delay(Poll, ct); // the sessions' logouts reach the writer
        try
        {
            await services.Records.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
            if (services.Health.IsUp) await runs.EndAsync(services.Run, services.Time.GetUtcNow(), ct);
        }
        catch (Exception e) when (e is TimeoutException || services.Health.Failed(e))
        {
            logger.LogWarning("Stopping: the run's end was not recorded ({Error}); the next start closes it", e.Message);
        }
        logger.LogInformation("Stopped the dialer in {Seconds:F1} s; {Kept} records wait in the outbox",
            (services.Time.GetUtcNow() - started).TotalSeconds, services.Records.Kept);
    }

    private async Task<bool> LiveCallsEndAsync(TimeSpan limit, CancellationToken ct)
    {
        var deadline = services.Time.GetUtcNow() + limit;
        while (services.Live.Count > 0)
        {
            if (services.Time.GetUtcNow() >= deadline) return false;
            await Task.Delay(Poll, ct);
        }
        return true;
    }
}
