using Akka.Actor;
using Akka.Event;
using Npgsql;
using Outbound.Data.Dialing;
using Outbound.Dialer.Campaigns;

namespace Outbound.Dialer.Recovery;

/// <summary>
/// Keeps this node's run: registers it (ending the node's earlier runs, which crashed), closes what dead runs left open
/// (<see cref="RunRecovery"/>), wakes the campaigns the database says are running, and from then on heartbeats, asks
/// a database that went away whether it is back, and — as a watchdog — wakes every running campaign again now and then
/// (a no-op for one that dials) and closes the work of runs of other nodes that went silent. Everything that needs the
/// database is simply tried again at the next beat while it is away.
/// </summary>
public sealed class RunKeeperActor : ReceiveActor, IWithTimers
{
    private sealed record Register;
    private sealed record Beat;
    private sealed record Probe;
    private sealed record Watch;
    private sealed record DatabaseChanged(bool Up);

    private readonly DialerServices _services;
    private readonly DialerRuns _runs;
    private readonly RunRecovery _recovery;
    private readonly NpgsqlDataSource _dataSource;
    private readonly IActorRef _campaigns;
    private readonly HeartbeatFile _heartbeat;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly (string Run, DateTimeOffset At)? _lastSeen;
    private Action<bool>? _onHealth;
    private bool _registered;
    private DateTimeOffset _upSince;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="campaigns">The campaign shard region.</param>
    public static Props Props(DialerServices services, DialerRuns runs, RunRecovery recovery, NpgsqlDataSource dataSource, IActorRef campaigns) =>
        Akka.Actor.Props.Create(() => new RunKeeperActor(services, runs, recovery, dataSource, campaigns));

    public RunKeeperActor(DialerServices services, DialerRuns runs, RunRecovery recovery, NpgsqlDataSource dataSource, IActorRef campaigns)
    {
        _services = services;
        _runs = runs;
        _recovery = recovery;
        _dataSource = dataSource;
        _campaigns = campaigns;
        _heartbeat = new HeartbeatFile(services.Options.StateFolder);
        _lastSeen = _heartbeat.Read();

        ReceiveAsync<Register>(_ => RegisterAsync());
        ReceiveAsync<Beat>(_ => BeatAsync());
        ReceiveAsync<Probe>(async _ =>
        {
            if (!_services.Health.IsUp) await _services.Health.ProbeAsync(_dataSource);
        });
        ReceiveAsync<Watch>(_ => WatchAsync());
        ReceiveAsync<DatabaseChanged>(async changed =>
        {
            if (!changed.Up) return;
            _upSince = Now;
            _dataSource.Clear(); // pooled connections of before the outage are dead: do not let each fail once more
            _log.Info("The database is back: waking the running campaigns");
            await WatchAsync();
        });
    }

    private DialerOptions Options => _services.Options;
    private DateTimeOffset Now => _services.Time.GetUtcNow();

    protected override void PreStart()
    {
        var self = Self;
        _onHealth = up => self.Tell(new DatabaseChanged(up));
        _services.Health.Changed += _onHealth;
        _heartbeat.Write(_services.Run.Id, Now);
        Timers.StartPeriodicTimer(nameof(Beat), new Beat(), Options.HeartbeatInterval);
        Timers.StartPeriodicTimer(nameof(Probe), new Probe(), Options.ProbeInterval);
        Self.Tell(new Register());
    }

    protected override void PostStop()
    {
        if (_onHealth is not null) _services.Health.Changed -= _onHealth;
    }

    private async Task RegisterAsync()
    {
        if (_registered) return;
        if (!await TryAsync("register the run", async () =>
            {
                var crashed = await _runs.RegisterAsync(_services.Run, Now, _lastSeen);
                if (crashed.Count > 0) _log.Warning("Earlier runs of node {0} crashed: {1}", _services.Run.Node, string.Join(", ", crashed));
            }))
        {
            Timers.StartSingleTimer(nameof(Register), new Register(), Options.ProbeInterval);
            return;
        }
        _registered = true;
        _upSince = Now;
        _log.Info("Dialer run {0} of node {1} registered", _services.Run.Id, _services.Run.Node);
        await WatchAsync();
        Timers.StartPeriodicTimer(nameof(Watch), new Watch(), Options.WatchdogInterval);
    }

    private async Task BeatAsync()
    {
        var now = Now;
        try { _heartbeat.Write(_services.Run.Id, now); }
        catch (IOException e) { _log.Warning("Heartbeat file not written: {0}", e.Message); }
        if (!_registered || !_services.Health.IsUp) return;
        await TryAsync("heartbeat", async () =>
        {
            if (!await _runs.HeartbeatAsync(_services.Run, now))
                _log.Error("Run {0} was declared over by another node while alive: its calls may be closed twice", _services.Run.Id);
        });
    }

    /// <summary>
    /// Runs of other nodes silent for longer than <see cref="DialerOptions.RunSilenceLimit"/> are declared lost — but only
    /// once this node has itself been connected that long, so that after an outage every live run had time to beat again.
    /// Then the dead runs' work is closed and every running campaign woken.
    /// </summary>
    private async Task WatchAsync()
    {
        if (!_registered || !_services.Health.IsUp) return;
        await TryAsync("watch over the runs and campaigns", async () =>
        {
            var now = Now;
            if (now - _upSince >= Options.RunSilenceLimit)
            {
                var lost = await _runs.DeclareLostAsync(now, Options.RunSilenceLimit);
                if (lost.Count > 0) _log.Warning("Runs silent for over {0}: {1}", Options.RunSilenceLimit, string.Join(", ", lost));
            }
            foreach (var run in await _recovery.RecoverAsync())
                _log.Warning("Closed the work a dead run left open: {0}", run);
            await CampaignSharding.WakeRunningAsync(_campaigns, _services);
        });
    }

    private async Task<bool> TryAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception e) when (_services.Health.Failed(e))
        {
            _log.Warning("Could not {0}, the database is away: {1}", what, e.Message);
        }
        catch (Exception e)
        {
            _log.Error(e, "Could not {0}", what);
        }
        return false;
    }
}
