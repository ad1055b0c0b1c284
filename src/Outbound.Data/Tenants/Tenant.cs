using Outbound.Core.Tenants;

namespace Outbound.Data.Tenants;

public sealed record Tenant(TenantId Id, string Code, string Name, DateTimeOffset CreatedAt);
