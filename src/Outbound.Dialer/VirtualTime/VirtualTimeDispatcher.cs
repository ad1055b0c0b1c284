using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;

namespace Outbound.Dialer.VirtualTime;

/// <summary>
/// Runs every mailbox of the system on the <see cref="VirtualClock"/>'s thread, which tells the clock which actors exist
/// and which of them await an asynchronous handler. Named as the default and internal dispatcher by <see cref="VirtualTimeConfig"/>.
/// </summary>
public sealed class VirtualTimeDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly VirtualTimeDispatcher _dispatcher;

    public VirtualTimeDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites) : base(config, prerequisites)
    {
        var clock = (prerequisites.Scheduler as VirtualScheduler)?.Clock
            ?? throw new ConfigurationException("The virtual-time dispatcher needs the virtual scheduler (akka.scheduler.implementation).");
        _dispatcher = new VirtualTimeDispatcher(this, clock, config.GetString("id"));
    }

    public override MessageDispatcher Dispatcher() => _dispatcher;

    private sealed class VirtualTimeDispatcher : MessageDispatcher
    {
        private readonly VirtualClock _clock;

        public VirtualTimeDispatcher(MessageDispatcherConfigurator configurator, VirtualClock clock, string id) : base(configurator)
        {
            _clock = clock;
            Id = id;
        }

        public override void Attach(ActorCell cell)
        {
            _clock.Attach(cell);
            base.Attach(cell);
        }

        public override void Detach(ActorCell cell)
        {
            base.Detach(cell);
            _clock.Detach(cell);
        }

        protected override void ExecuteTask(IRunnable run) => _clock.Execute(run);

        protected override void Shutdown() { }
    }
}
