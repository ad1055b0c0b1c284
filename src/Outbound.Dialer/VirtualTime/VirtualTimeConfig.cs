using Akka.Configuration;

namespace Outbound.Dialer.VirtualTime;

/// <summary>The configuration that puts an actor system on a <see cref="VirtualClock"/> starting at a given instant.</summary>
public static class VirtualTimeConfig
{
    /// <summary>A Monday morning in Beijing: a shift that starts inside every preset's calling hours.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    public static Config Hocon(DateTimeOffset? start = null) => ConfigurationFactory.ParseString($$"""
        outbound.virtual-time.start = "{{(start ?? DefaultStart).ToString("O")}}"
        akka.scheduler.implementation = "{{typeof(VirtualScheduler).AssemblyQualifiedName}}"
        akka.actor.default-dispatcher.type = "{{typeof(VirtualTimeDispatcherConfigurator).AssemblyQualifiedName}}"
        akka.actor.internal-dispatcher.type = "{{typeof(VirtualTimeDispatcherConfigurator).AssemblyQualifiedName}}"
        akka.actor.default-dispatcher.throughput = 10
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """);
}
