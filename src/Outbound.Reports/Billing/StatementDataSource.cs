using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Reports.Contracts;

namespace Outbound.Reports.Billing;

/// <summary>
/// Loads a client's statement of a month, read-only (issuing is <see cref="BillingAccounts.IssueStatementAsync"/>); null when the
/// client is unknown, outside the scope, or has no contract.
/// </summary>
public sealed class StatementDataSource(BillingAccounts accounts, TenantRepository tenants, TimeProvider clock, string operatorName = ContractDataSource.DefaultOperator)
{
    public async Task<StatementModel?> LoadAsync(string tenantCode, CalendarMonth month, TenantScope scope, CancellationToken ct = default)
    {
        if (await tenants.FindByCodeAsync(tenantCode, ct) is not { } tenant || !scope.Allows(tenant.Id)) return null;
        if (await accounts.StatementAsync(tenant.Id, month, ct) is not { } statement) return null;
        return new StatementModel(operatorName, tenant.Name, tenant.Code, statement, clock.GetUtcNow(), await accounts.IssuedAsync(tenant.Id, month, ct));
    }
}
