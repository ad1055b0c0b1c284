namespace Outbound.Telephony.Simulated;

/// <summary>
/// Distributions the simulated carrier draws from. Rates are shares of all originations; what is left
/// after human, machine, busy, invalid, congestion and rejected rings out unanswered.
/// </summary>
public sealed record SimulatedCarrierOptions
{
    public int Seed { get; init; } = 1;
    public double HumanAnswerRate { get; init; } = 0.35;
    public double MachineRate { get; init; } = 0.15;
    public double BusyRate { get; init; } = 0.10;
    public double InvalidRate { get; init; } = 0.02;
    public double CongestionRate { get; init; } = 0.01;
    public double RejectedRate { get; init; } = 0.01;
    /// <summary>Share of humans that AMD wrongly reports as machines (Ofcom counts them as abandons).</summary>
    public double AmdFalsePositiveRate { get; init; } = 0.02;
    public double RingSecondsMin { get; init; } = 3;
    public double RingSecondsMax { get; init; } = 18;
    /// <summary>Seconds between an early failure (busy, invalid …) and the call being placed.</summary>
    public double FailSeconds { get; init; } = 1;
    /// <summary>Lognormal talk time of an answered human before they hang up.</summary>
    public double TalkSecondsMean { get; init; } = 60;
    public double TalkSecondsSd { get; init; } = 30;
    public double MachineGreetingSeconds { get; init; } = 20;
    /// <summary>Divides every duration: 10 makes a demo run ten times faster than life.</summary>
    public double TimeScale { get; init; } = 1;
    /// <summary>Numbers that ring and never answer, and never give up on their own either (a carrier that lets it ring): for ring timeouts.</summary>
    public IReadOnlyList<string> UnansweredNumbers { get; init; } = [];

    public void Validate()
    {
        var sum = HumanAnswerRate + MachineRate + BusyRate + InvalidRate + CongestionRate + RejectedRate;
        if (sum > 1 || new[] { HumanAnswerRate, MachineRate, BusyRate, InvalidRate, CongestionRate, RejectedRate, AmdFalsePositiveRate }.Any(r => r < 0))
            throw new ArgumentException($"Outcome rates must be non-negative and add up to at most 1 (they add up to {sum}).");
        if (RingSecondsMin < 0 || RingSecondsMax < RingSecondsMin) throw new ArgumentException("RingSecondsMin must be between 0 and RingSecondsMax.");
        if (TalkSecondsMean <= 0 || TalkSecondsSd < 0) throw new ArgumentException("Talk time mean must be positive and its SD non-negative.");
        if (TimeScale <= 0) throw new ArgumentException("TimeScale must be positive.");
    }
}
