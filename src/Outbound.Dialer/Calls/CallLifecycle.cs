namespace Outbound.Dialer.Calls;

/// <summary>What the node asks of its live calls (outbound and inbound) beyond the call itself.</summary>
public static class CallLifecycle
{
    /// <summary>A restarted campaign asks its calls to tell it who they are (<c>CallReports.InFlight</c>).</summary>
    public sealed record Report;

    /// <summary>
    /// A graceful stop ran out of time: end the call now and record it as interrupted, with everything it reached
    /// (answer, agent, disposition).
    /// </summary>
    public sealed record Interrupt;
}
