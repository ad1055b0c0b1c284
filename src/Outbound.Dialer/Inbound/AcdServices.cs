using Outbound.Data.Desk;

namespace Outbound.Dialer.Inbound;

/// <summary>What inbound queues need besides the dialer's services: the inbound call log, the IVR trees (none: callers go straight to the queue) and the queue settings.</summary>
public sealed record AcdServices(DialerServices Dialer, InboundCallLog Calls, IvrTrees? Ivr = null)
{
    /// <summary>How long the IVR waits for a key after its prompts.</summary>
    public TimeSpan IvrInputTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>The queues' stored settings (policy, overflow queue, agent skills); none: every queue runs on the defaults.</summary>
    public InboundQueueSettings? QueueSettings { get; init; }
}
