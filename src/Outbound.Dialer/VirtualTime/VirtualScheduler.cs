using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace Outbound.Dialer.VirtualTime;

/// <summary>
/// Akka's scheduler on a <see cref="VirtualClock"/> (actor timers, Ask timeouts, receive timeouts). Akka creates it from
/// <see cref="VirtualTimeConfig"/> and it creates the clock, starting at <c>outbound.virtual-time.start</c>.
/// </summary>
public sealed class VirtualScheduler : SchedulerBase, IDateTimeOffsetNowTimeProvider, IDisposable
{
    public VirtualScheduler(Config config, ILoggingAdapter log) : base(config, log) =>
        Clock = new VirtualClock(DateTimeOffset.Parse(config.GetString("outbound.virtual-time.start", VirtualTimeConfig.DefaultStart.ToString("O"))));

    public VirtualClock Clock { get; }

    protected override DateTimeOffset TimeNow => Clock.GetUtcNow();
    public override TimeSpan MonotonicClock => TimeSpan.FromTicks(Clock.GetTimestamp());
    public override TimeSpan HighResMonotonicClock => MonotonicClock;

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Clock.Schedule(delay, null, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message,
        IActorRef sender, ICancelable cancelable) =>
        Clock.Schedule(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Clock.Schedule(delay, null, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Clock.Schedule(delay, null, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Clock.Schedule(initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Clock.Schedule(initialDelay, interval, action.Run, cancelable);

    public void Dispose() => Clock.Dispose();
}
