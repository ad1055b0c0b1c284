using Akka.Actor;
using Outbound.Dialer.VirtualTime;

namespace Outbound.Dialer.Tests.VirtualTime;

/// <summary>An actor system on the virtual clock: timers fire in virtual time, and awaited I/O takes none.</summary>
public sealed class VirtualClockSpecs : IAsyncLifetime
{
    private ActorSystem _system = null!;
    private VirtualClock Clock => VirtualClock.Of(_system);

    public Task InitializeAsync()
    {
        _system = ActorSystem.Create("virtual", VirtualTimeConfig.Hocon());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _system.Terminate();
        Clock.Dispose();
    }

    [Fact]
    public async Task An_eight_hour_shift_of_one_second_timers_fires_every_tick_at_its_own_instant()
    {
        var start = Clock.GetUtcNow();
        var ticker = _system.ActorOf(Props.Create(() => new Ticker(TimeSpan.FromSeconds(1), TimeSpan.Zero)));

        await Clock.RunForAsync(TimeSpan.FromHours(8));
        var seen = await ticker.Ask<IReadOnlyList<DateTimeOffset>>("seen", TimeSpan.FromSeconds(10));

        Assert.Equal(8 * 3600, seen.Count);
        Assert.Equal(start + TimeSpan.FromSeconds(1), seen[0]);
        Assert.Equal(start + TimeSpan.FromHours(8), seen[^1]);
        Assert.Equal(start + TimeSpan.FromHours(8), Clock.GetUtcNow());
    }

    [Fact]
    public async Task Time_stands_still_while_an_actor_awaits_real_io()
    {
        var start = Clock.GetUtcNow();
        // Every tick awaits 30 ms of real time and notes the virtual time after the await.
        var ticker = _system.ActorOf(Props.Create(() => new Ticker(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(30))));

        await Clock.RunForAsync(TimeSpan.FromSeconds(50));
        var seen = await ticker.Ask<IReadOnlyList<DateTimeOffset>>("seen", TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(1, 5).Select(i => start + TimeSpan.FromSeconds(10 * i)), seen);
    }

    [Fact]
    public async Task Timers_of_the_time_provider_and_of_akka_share_one_timeline()
    {
        var start = Clock.GetUtcNow();
        var fired = new List<(string, DateTimeOffset)>();
        using var a = Clock.CreateTimer(_ => fired.Add(("provider", Clock.GetUtcNow())), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        _system.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromSeconds(2), () => fired.Add(("akka", Clock.GetUtcNow())));
        using var cancelled = Clock.CreateTimer(_ => fired.Add(("cancelled", Clock.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        cancelled.Dispose();

        await Clock.RunForAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([("akka", start.AddSeconds(2)), ("provider", start.AddSeconds(3))], fired);
    }

    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        private readonly List<DateTimeOffset> _seen = [];

        public ITimerScheduler Timers { get; set; } = null!;

        private readonly TimeSpan _every;

        public Ticker(TimeSpan every, TimeSpan io)
        {
            _every = every;
            var clock = VirtualClock.Of(Context.System);
            ReceiveAsync<string>(m => m == "tick", async _ =>
            {
                if (io > TimeSpan.Zero) await Task.Delay(io); // real I/O time, not the virtual clock's
                _seen.Add(clock.GetUtcNow());
            });
            Receive<string>(m => m == "seen", _ => Sender.Tell(_seen.ToList()));
        }

        protected override void PreStart() => Timers.StartPeriodicTimer("tick", "tick", _every);
    }
}
