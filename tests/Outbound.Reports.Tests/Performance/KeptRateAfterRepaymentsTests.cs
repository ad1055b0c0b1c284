using System.Text;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data.Collections;
using Outbound.Data.Demo;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Reports.Performance;
using Outbound.Reports.Tests.Support;
using Outbound.Testing;

namespace Outbound.Reports.Tests.Performance;

/// <summary>The promise kept rate of the performance PDF follows the client's repayment file.</summary>
public sealed class KeptRateAfterRepaymentsTests : IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private readonly PgTestDatabase _db = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 4, 10, 4, 0, 0, TimeSpan.Zero));
    private TenantId _tenant = null!;
    private CampaignId _campaign = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-bank", "示范银行");
        _campaign = await BillingSeed.CampaignAsync(_db.DataSource, _tenant, "bank-collect-1", DemoCampaigns.Bank.Settings);
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, _tenant, _campaign, 4);
        foreach (var lead in leads)
            await BillingSeed.PromiseAsync(_db.DataSource, _tenant, _campaign, new PromiseFact(lead, "agent1", 500m, new DateOnly(2026, 3, 20), null),
                new DateTimeOffset(2026, 3, 10, 15, 0, 0, Cn));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<string> ReportTextAsync()
    {
        var source = new PerformanceReportDataSource(new PerformanceQueries(_db.DataSource), new TenantRepository(_db.DataSource), _clock, promiseGraceDays: 3);
        var model = (await source.LoadAsync("bank-collect-1", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), TenantScope.AllTenants))!;
        return string.Concat(PdfText.Pages(new PerformanceReportDocument(model).GeneratePdf()));
    }

    [Fact]
    public async Task The_pdfs_kept_rate_rises_from_zero_once_the_repayment_file_is_uploaded()
    {
        var before = await ReportTextAsync();
        Assert.Contains("0.0%履约率", before);

        // Two debtors paid in full, one within the grace days after the due day; one paid half; one paid nothing.
        var csv = "手机号,还款金额,还款日期\n13900000001,500,2026-03-18\n13900000002,300,2026-03-20\n13900000002,200,2026-03-23\n13900000003,250,2026-03-19\n";
        var result = await new RepaymentImporter(_db.DataSource, _clock, graceDays: 3)
            .ImportAsync(_tenant, _campaign, "回盘.csv", Encoding.UTF8.GetBytes(csv), "manager");
        Assert.Equal(new PromiseCounts(Kept: 2, Broken: 2, Open: 0), result.Promises);

        var after = await ReportTextAsync();
        Assert.Contains("50.0%履约率", after);
        Assert.Contains(PerformanceReportDocument.Yuan(1000m) + "已履约金额", after);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
