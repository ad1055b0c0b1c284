namespace Outbound.Core.Acd;

/// <summary>
/// When agents logged in to both an inbound queue and an outbound campaign may be counted by outbound pacing.
/// </summary>
/// <param name="ReserveAgents">Blended agents always kept free for inbound while any are ready.</param>
/// <param name="ReserveFactor">Extra reserve per expected inbound arrival during one average handling time.</param>
/// <param name="MaxInboundWait">While any caller has waited this long, no blended agent goes to outbound at all.</param>
/// <param name="MinServiceLevel">
/// While the inbound service level over the recent window (share of callers answered within the target) is below
/// this, no blended agent goes to outbound: inbound is behind and needs every agent it has.
/// </param>
public sealed record BlendingPolicy(int ReserveAgents = 1, double ReserveFactor = 1.0, TimeSpan? MaxInboundWait = null, double MinServiceLevel = 0.8)
{
    public TimeSpan WaitThreshold => MaxInboundWait ?? TimeSpan.FromSeconds(20);
}

/// <summary>The inbound load a blending decision looks at.</summary>
/// <param name="BlendedReady">Blended agents ready now.</param>
/// <param name="InboundWaiting">Callers waiting in the inbound queue(s) of these agents.</param>
/// <param name="LongestWait">The longest wait among them.</param>
/// <param name="ArrivalsPerMinute">Measured inbound arrival rate.</param>
/// <param name="AverageHandlingTime">Inbound talk plus wrap-up.</param>
/// <param name="ServiceLevel">Share of the recent window's callers answered within the target; null before any caller.</param>
public sealed record BlendingLoad(int BlendedReady, int InboundWaiting, TimeSpan LongestWait, double ArrivalsPerMinute, TimeSpan AverageHandlingTime,
    double? ServiceLevel = null);

public static class CallBlending
{
    /// <summary>
    /// How many of the ready blended agents outbound pacing may count as free. Inbound comes first: callers
    /// waiting take agents before outbound gets any, a caller waiting past the threshold or a service level
    /// under the policy's minimum stops lending altogether, and a reserve sized to the expected arrivals over
    /// one handling time stays free.
    /// </summary>
    public static int AgentsForOutbound(BlendingLoad load, BlendingPolicy policy)
    {
        if (load.BlendedReady <= 0) return 0;
        if (load.InboundWaiting > 0 && load.LongestWait >= policy.WaitThreshold) return 0;
        if (load.ServiceLevel is { } level && level < policy.MinServiceLevel) return 0;
        var expected = load.ArrivalsPerMinute * load.AverageHandlingTime.TotalMinutes * policy.ReserveFactor;
        var reserve = policy.ReserveAgents + (int)Math.Ceiling(expected) + load.InboundWaiting;
        return Math.Max(0, load.BlendedReady - reserve);
    }
}
