namespace Outbound.Core.Workforce;

public sealed record ShiftCode(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// A shift as the floor names it (早班 08:00 for 8 h …). Times are the call center's wall clock;
/// a shift may run past midnight (a night shift started on the 3rd ends on the 4th).
/// </summary>
public sealed record ShiftTemplate
{
    public ShiftTemplate(ShiftCode code, string name, TimeOnly start, TimeSpan length)
    {
        if (string.IsNullOrWhiteSpace(code.Value)) throw new ArgumentException("a shift needs a code", nameof(code));
        if (length <= TimeSpan.Zero || length > TimeSpan.FromHours(24)) throw new ArgumentOutOfRangeException(nameof(length), "a shift lasts between 0 and 24 hours");
        Code = code;
        Name = name;
        Start = start;
        Length = length;
    }

    public ShiftCode Code { get; }
    public string Name { get; }
    public TimeOnly Start { get; }
    public TimeSpan Length { get; }

    public DateTime StartOn(DateOnly day) => day.ToDateTime(Start);
    public DateTime EndOn(DateOnly day) => StartOn(day) + Length;
}
