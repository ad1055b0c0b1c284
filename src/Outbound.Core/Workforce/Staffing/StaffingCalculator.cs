namespace Outbound.Core.Workforce.Staffing;

/// <summary>
/// Agents needed for one interval: the fewest on the phones that meet the service target (Erlang A when the
/// callers' patience is known, Erlang C otherwise) without working them above the occupancy cap, then grossed up
/// for shrinkage (breaks, training, absence) to the number that must be scheduled.
/// </summary>
public static class StaffingCalculator
{
    /// <summary>Beyond this many agents on one queue in one interval the input is not a call center's.</summary>
    public const int MaxAgents = 100_000;

    public static StaffingLevel Evaluate(IntervalLoad load, int agents, TimeSpan target) =>
        load.AveragePatience is null ? ErlangC.Evaluate(load, agents, target) : ErlangA.Evaluate(load, agents, target);

    public static StaffingRequirement Require(IntervalLoad load, ServiceTarget target, StaffingPolicy policy)
    {
        if (load.Calls == 0) return new StaffingRequirement(Evaluate(load, 0, target.Answer), 0);
        // Erlang C is only finite above the traffic; both models need at least the traffic ÷ occupancy cap.
        var agents = Math.Max(1, (int)Math.Floor(load.Erlangs / policy.OccupancyCap));
        if (load.AveragePatience is null) agents = Math.Max(agents, (int)Math.Floor(load.Erlangs) + 1);
        while (true)
        {
            if (agents > MaxAgents) throw new ArgumentOutOfRangeException(nameof(load), $"more than {MaxAgents} agents would be needed for one interval");
            var level = Evaluate(load, agents, target.Answer);
            if (level.ServiceLevel >= target.Level && level.Occupancy <= policy.OccupancyCap + 1e-12)
                return new StaffingRequirement(level, policy.Scheduled(agents));
            agents++;
        }
    }
}

/// <summary>The required level on the phones and how many must be scheduled to have them there.</summary>
public sealed record StaffingRequirement(StaffingLevel OnPhones, int Scheduled);

/// <summary>
/// A team's planning figures: the highest occupancy the floor sustains, and shrinkage — the share of paid
/// time agents are not on the phones (breaks, training, meetings, absence).
/// </summary>
public sealed record StaffingPolicy
{
    public StaffingPolicy(double occupancyCap, double shrinkage)
    {
        if (!double.IsFinite(occupancyCap) || occupancyCap is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(occupancyCap), "the occupancy cap is a fraction above 0 and at most 1");
        if (!double.IsFinite(shrinkage) || shrinkage is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(shrinkage), "shrinkage is a fraction from 0 up to (not including) 1");
        OccupancyCap = occupancyCap;
        Shrinkage = shrinkage;
    }

    public static StaffingPolicy None { get; } = new(1, 0);

    public double OccupancyCap { get; }
    public double Shrinkage { get; }

    /// <summary>Agents to schedule so that <paramref name="onPhones"/> remain after shrinkage: ⌈N ÷ (1 − s)⌉.</summary>
    public int Scheduled(int onPhones) => (int)Math.Ceiling(onPhones / (1 - Shrinkage) - 1e-9);
}
