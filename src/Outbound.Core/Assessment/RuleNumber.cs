namespace Outbound.Core.Assessment;

/// <summary>A rule's number as printed in the seed's catalogue (1–17, with gaps at 6 and 11). Stable: payroll and appeals cite it.</summary>
public sealed record RuleNumber(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
