namespace Outbound.Core.Performance;

/// <summary>A count over a base, kept apart so reports can show both and rates never divide by zero.</summary>
public readonly record struct Ratio(long Part, long Whole)
{
    /// <summary>Part / whole, or null when there is nothing to divide (shown as "—", not 0 %).</summary>
    public double? Value => Whole == 0 ? null : (double)Part / Whole;

    public Ratio Add(bool inPart) => new(Part + (inPart ? 1 : 0), Whole + 1);

    public static Ratio operator +(Ratio a, Ratio b) => new(a.Part + b.Part, a.Whole + b.Whole);

    public string Percent(int decimals = 1) =>
        Value is { } v ? (v * 100).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
