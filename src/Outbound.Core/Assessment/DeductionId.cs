namespace Outbound.Core.Assessment;

public sealed record DeductionId(Guid Value)
{
    public static DeductionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
