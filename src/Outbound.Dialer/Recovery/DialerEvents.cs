namespace Outbound.Dialer.Recovery;

/// <summary>Node-wide news on the actor system's event stream during a graceful stop (<see cref="GracefulStop"/>).</summary>
public static class DialerEvents
{
    /// <summary>The node is stopping: campaigns dial nothing new and give their leads back; calls in hand finish.</summary>
    public sealed record Draining;

    /// <summary>The calls are over (or were interrupted): agent sessions log out with the reason <see cref="Reason"/>.</summary>
    public sealed record ShuttingDown
    {
        public const string Reason = "shutdown";
    }
}
