namespace Outbound.Core.Workforce;

/// <summary>
/// A 大轮班 rotation: a cycle of days, each naming a shift or a rest day (null), counted from an
/// anchor date. Teams share the cycle at different offsets, so that (for example) four teams on
/// 早早中中夜夜休休 cover every shift every day, each team with its leader.
/// </summary>
public sealed record Rotation
{
    public Rotation(IReadOnlyList<ShiftCode?> cycle, DateOnly anchor)
    {
        if (cycle.Count == 0) throw new ArgumentException("a rotation needs at least one day", nameof(cycle));
        Cycle = cycle;
        Anchor = anchor;
    }

    public IReadOnlyList<ShiftCode?> Cycle { get; }
    public DateOnly Anchor { get; }

    /// <summary>The shift a team at <paramref name="offset"/> days into the cycle works on <paramref name="day"/>, or null for rest.</summary>
    public ShiftCode? ShiftOn(DateOnly day, int offset)
    {
        var index = (day.DayNumber - Anchor.DayNumber + offset) % Cycle.Count;
        return Cycle[index < 0 ? index + Cycle.Count : index];
    }
}

/// <summary>Where a team sits in the rotation.</summary>
public sealed record TeamRotation(Team Team, int Offset);
