using Outbound.Core.Tenants;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;

namespace Outbound.Reports.Contracts;

/// <summary>Loads a client and its terms for the contract; null when the client is unknown, outside the scope, or has no terms.</summary>
public sealed class ContractDataSource(ContractTermsStore terms, TenantRepository tenants, TimeProvider clock, string operatorName = ContractDataSource.DefaultOperator)
{
    public const string DefaultOperator = "外呼云呼叫中心运营有限公司";

    public async Task<ContractModel?> LoadAsync(string tenantCode, TenantScope scope, CancellationToken ct = default)
    {
        if (await tenants.FindByCodeAsync(tenantCode, ct) is not { } tenant || !scope.Allows(tenant.Id)) return null;
        if (await terms.FindAsync(tenant.Id, ct) is not { } found) return null;
        return new ContractModel(operatorName, tenant.Name, tenant.Code, found, clock.GetUtcNow());
    }
}
