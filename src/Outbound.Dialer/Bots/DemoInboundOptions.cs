namespace Outbound.Dialer.Bots;

/// <summary>The demo's inbound hotline (bound from <c>Outbound:Demo:Inbound</c>): simulated callers at a steady rate, served by bots.</summary>
public sealed record DemoInboundOptions
{
    /// <summary>The inbound campaign; empty turns the inbound demo off.</summary>
    public string Campaign { get; init; } = "power-hotline-1";
    public int Bots { get; init; } = 3;
    /// <summary>
    /// Callers arriving per minute, evenly spaced. The defaults keep 3 bots about 90 % busy (20 s talk + 5 s queue wrap-up + 3 s
    /// bot wrap), so waits rise and fall and the odd impatient caller abandons.
    /// </summary>
    public double CallersPerMinute { get; init; } = 6;
    /// <summary>Seconds a caller talks once bridged to a bot, drawn evenly between the two.</summary>
    public double TalkSecondsMin { get; init; } = 10;
    public double TalkSecondsMax { get; init; } = 30;
    /// <summary>Seconds a caller waits before hanging up (an abandon), drawn evenly between the two.</summary>
    public double PatienceSecondsMin { get; init; } = 20;
    public double PatienceSecondsMax { get; init; } = 120;
    public int Seed { get; init; } = 7;
}
