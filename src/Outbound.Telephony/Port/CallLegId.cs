namespace Outbound.Telephony.Port;

/// <summary>One leg of a call (a customer leg or an agent's nailed-up leg) inside one adapter.</summary>
public sealed record CallLegId(string Value)
{
    public static CallLegId New() => new(Guid.CreateVersion7().ToString("N"));
    public override string ToString() => Value;
}
