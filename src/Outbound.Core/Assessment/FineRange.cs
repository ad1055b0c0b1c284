namespace Outbound.Core.Assessment;

/// <summary>The fine (罚款) a rule allows per occurrence, in yuan. A fixed fine has Min == Max.</summary>
public sealed record FineRange
{
    public FineRange(decimal min, decimal max)
    {
        if (min < 0 || max < min) throw new ArgumentException($"fine range {min}–{max} is not valid");
        Min = min;
        Max = max;
    }

    public decimal Min { get; }
    public decimal Max { get; }

    public static FineRange Fixed(decimal amount) => new(amount, amount);

    public bool Contains(decimal amount) => amount >= Min && amount <= Max;
}
