namespace Outbound.Core.Tenants;

/// <summary>A client company (乙方) that rents seats and campaigns from the operator.</summary>
public sealed record TenantId(Guid Value)
{
    public static TenantId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>Marks tenant-owned values so that isolation checks can be written once.</summary>
public interface IWithTenantId
{
    TenantId TenantId { get; }
}
