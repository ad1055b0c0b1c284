using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Dispatch;

namespace Outbound.Dialer.VirtualTime;

/// <summary>
/// Virtual time for an actor system and everything that takes its <see cref="TimeProvider"/> (the simulated carrier,
/// the dialer's services): one thread runs every actor and every timer, and the clock moves to the next timer only
/// when nothing is left to do at the current instant — no mailbox to run and no actor awaiting an asynchronous handler
/// (a PostgreSQL round trip, an Ask). Real I/O therefore takes no virtual time, and an eight-hour shift runs as fast as
/// its work allows. The system must be created with <see cref="VirtualTimeConfig"/>; <see cref="Of"/> finds its clock.
/// </summary>
/// <remarks>
/// An actor awaiting I/O is told apart from an idle one by its task scheduler's current message, which Akka sets when an
/// async handler starts and clears when its last continuation has run (both on this thread). Work started outside
/// actors (fire-and-forget writes) is not waited for: it cannot change what an actor decides.
/// </remarks>
public sealed class VirtualClock : TimeProvider, IDisposable
{
    private readonly BlockingCollection<Action> _work = new(new ConcurrentQueue<Action>());
    private readonly PriorityQueue<Entry, (long Ticks, long Seq)> _timers = new();
    private readonly Lock _timersGate = new();
    private readonly Dictionary<Mailbox, ActorCell> _cells = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ActorCell, Mailbox> _mailboxes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<ActorCell> _awaiting = new(ReferenceEqualityComparer.Instance);
    private readonly Thread _thread;
    private readonly DateTimeOffset _start;
    private long _nowTicks;
    private long _seq;
    private DateTimeOffset _target;
    private TaskCompletionSource? _reached;
    private Exception? _fault;
    private volatile bool _disposed;

    public VirtualClock(DateTimeOffset start)
    {
        _start = start;
        _nowTicks = start.UtcTicks;
        _target = start;
        _thread = new Thread(Loop) { IsBackground = true, Name = "virtual-clock" };
        _thread.Start();
    }

    /// <summary>The clock of a system created with <see cref="VirtualTimeConfig"/>.</summary>
    public static VirtualClock Of(ActorSystem system) =>
        (system.Scheduler as VirtualScheduler)?.Clock
        ?? throw new InvalidOperationException($"Actor system '{system.Name}' does not run on virtual time (see {nameof(VirtualTimeConfig)}).");

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _nowTicks) - _start.UtcTicks;

    /// <summary>How long a handler may await I/O (in real time) before the run is declared stuck.</summary>
    public TimeSpan StallLimit { get; init; } = TimeSpan.FromMinutes(2);
    public long IoWaits; public double IoWaitMs; public Dictionary<string, double> WaitsBy = new();

    /// <summary>
    /// Lets virtual time run to <paramref name="until"/>, firing every timer due on the way; completes once the clock
    /// stands there with nothing left to do. Fails if an actor's I/O stalls or a timer callback throws.
    /// </summary>
    public Task RunUntilAsync(DateTimeOffset until)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            if (_fault is not null) { reached.SetException(_fault); return; }
            _target = until > GetUtcNow() ? until : GetUtcNow();
            _reached = reached;
        });
        return reached.Task;
    }

    public Task RunForAsync(TimeSpan span) => RunUntilAsync(GetUtcNow() + span);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, () => callback(state));
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Akka's scheduler: a one-shot or repeated action, stopped by <paramref name="cancelable"/>.</summary>
    internal void Schedule(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        var timer = new Timer(this, action, cancelable);
        timer.Change(delay, interval ?? Timeout.InfiniteTimeSpan);
    }

    internal void Post(Action work)
    {
        if (!_disposed) _work.Add(work);
    }

    internal void Attach(ActorCell cell)
    {
        var mailbox = cell.Mailbox!; // read now: a stopped actor's cell is given the dead-letter mailbox
        Post(() =>
        {
            _cells[mailbox] = cell;
            _mailboxes[cell] = mailbox;
        });
    }

    internal void Detach(ActorCell cell) => Post(() =>
    {
        if (_mailboxes.Remove(cell, out var mailbox)) _cells.Remove(mailbox);
        _awaiting.Remove(cell);
    });

    /// <summary>A mailbox run; afterwards its actor is noted as awaiting when an async handler is still in flight.</summary>
    internal void Execute(IRunnable run) => Post(() =>
    {
        run.Run();
        if (run is Mailbox mailbox && _cells.TryGetValue(mailbox, out var cell))
        {
            if (cell.TaskScheduler.CurrentMessage is null) _awaiting.Remove(cell);
            else _awaiting.Add(cell);
        }
    });

    private void Loop()
    {
        while (!_disposed)
        {
            if (_work.TryTake(out var work))
            {
                Run(work);
                continue;
            }
            if (_awaiting.Count == 0 && Advance()) continue;
            var wait = _awaiting.Count > 0 ? StallLimit : Timeout.InfiniteTimeSpan;
            try
            {
                var waitedFor = _awaiting.Count > 0 ? string.Join(",", _awaiting.Select(c => c.Self.Path.Name.Split('$')[0])) : null;
                var watch = global::System.Diagnostics.Stopwatch.StartNew();
                var took = _work.TryTake(out work, wait);
                if (waitedFor is not null) { IoWaits++; IoWaitMs += watch.Elapsed.TotalMilliseconds; WaitsBy[waitedFor] = WaitsBy.GetValueOrDefault(waitedFor) + watch.Elapsed.TotalMilliseconds; }
                if (took) Run(work!);
                else if (_awaiting.Count > 0) Fail(new TimeoutException(
                    $"Virtual clock stalled: {string.Join(", ", _awaiting.Select(c => c.Self.Path))} awaited I/O for more than {StallLimit}."));
            }
            catch (InvalidOperationException) when (_disposed) { return; }
        }
    }

    private static void Run(Action work)
    {
        try { work(); }
        catch (Exception e) { Console.Error.WriteLine($"virtual clock: {e}"); }
    }

    /// <summary>Fires the next timer due by the target, or settles at the target. False when there is nothing to do.</summary>
    private bool Advance()
    {
        Entry? next = null;
        lock (_timersGate)
        {
            while (_timers.TryPeek(out var entry, out var due))
            {
                if (due.Ticks > _target.UtcTicks) break;
                _timers.Dequeue();
                if (entry.Current) { next = entry; break; }
            }
        }
        if (next is not null)
        {
            if (next.DueTicks > Interlocked.Read(ref _nowTicks)) Interlocked.Exchange(ref _nowTicks, next.DueTicks);
            Run(() => next.Timer.Fire(next));
            return true;
        }
        if (GetUtcNow() < _target) Interlocked.Exchange(ref _nowTicks, _target.UtcTicks);
        if (_reached is { } reached)
        {
            _reached = null;
            reached.SetResult();
        }
        return false;
    }

    private void Fail(Exception e)
    {
        _fault = e;
        _reached?.TrySetException(e);
        _reached = null;
    }

    private void Enqueue(Entry entry)
    {
        lock (_timersGate) _timers.Enqueue(entry, (entry.DueTicks, Interlocked.Increment(ref _seq)));
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _work.CompleteAdding();
        if (Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(10));
    }

    /// <summary>One scheduled firing of a timer; superseded when the timer is changed or disposed.</summary>
    private sealed record Entry(Timer Timer, long DueTicks, int Generation)
    {
        public bool Current => Timer.Generation == Generation && !Timer.Cancelled;
    }

    private sealed class Timer(VirtualClock clock, Action action, ICancelable? cancelable = null) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private volatile int _generation;
        private volatile bool _disposed;

        public int Generation => _generation;
        public bool Cancelled => _disposed || cancelable?.IsCancellationRequested == true;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            _period = period;
            var generation = Interlocked.Increment(ref _generation);
            if (dueTime != Timeout.InfiniteTimeSpan)
                clock.Enqueue(new Entry(this, clock.GetUtcNow().UtcTicks + Math.Max(0, dueTime.Ticks), generation));
            return true;
        }

        public void Fire(Entry entry)
        {
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                clock.Enqueue(entry with { DueTicks = entry.DueTicks + _period.Ticks });
            action();
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
