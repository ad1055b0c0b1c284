using Microsoft.AspNetCore.Mvc;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Reports.Billing;
using Outbound.Reports.Contracts;
using Outbound.Reports.Performance;

namespace Outbound.Web.Areas.Billing;

/// <summary>
/// The client documents as downloads, for the billing pages and the client portal alike: loaded within
/// the caller's tenant scope (another client's document is simply not found → 404), rendered, and logged.
/// </summary>
public sealed class ClientDocuments(ContractDataSource contracts, StatementDataSource statements, PerformanceReportDataSource reports, DownloadLog log)
{
    private const string Pdf = "application/pdf";

    public async Task<IActionResult> ContractAsync(string tenantCode, TenantScope scope, string user, CancellationToken ct)
    {
        if (await contracts.LoadAsync(tenantCode, scope, ct) is not { } model) return new NotFoundResult();
        var pdf = new ContractDocument(model).GeneratePdf();
        await log.RecordAsync(model.Terms.TenantId, user, DownloadLog.Contract, model.Terms.ContractNo, ct);
        return new FileContentResult(pdf, Pdf) { FileDownloadName = $"contract-{model.ClientCode}.pdf" };
    }

    public async Task<IActionResult> StatementAsync(string tenantCode, CalendarMonth month, TenantScope scope, string user, CancellationToken ct)
    {
        if (await statements.LoadAsync(tenantCode, month, scope, ct) is not { } model) return new NotFoundResult();
        var pdf = new StatementDocument(model).GeneratePdf();
        await log.RecordAsync(model.Statement.Terms.TenantId, user, DownloadLog.Statement, month.ToString(), ct);
        return new FileContentResult(pdf, Pdf) { FileDownloadName = $"statement-{model.ClientCode}-{month}.pdf" };
    }

    public async Task<IActionResult> PerformanceAsync(string campaignCode, DateOnly from, DateOnly to, TenantScope scope, string user, CancellationToken ct)
    {
        if (to < from || await reports.LoadAsync(campaignCode, from, to, scope, ct) is not { } model) return new NotFoundResult();
        var pdf = new PerformanceReportDocument(model).GeneratePdf();
        await log.RecordAsync(model.TenantId, user, DownloadLog.Performance, $"{campaignCode} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}", ct);
        return new FileContentResult(pdf, Pdf) { FileDownloadName = $"performance-{campaignCode}-{from:yyyyMMdd}-{to:yyyyMMdd}.pdf" };
    }
}
