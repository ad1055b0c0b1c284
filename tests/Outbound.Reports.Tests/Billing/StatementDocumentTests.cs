using System.Globalization;
using Outbound.Core.Billing;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Reports.Billing;
using Outbound.Reports.Tests.Support;
using Outbound.Testing;

namespace Outbound.Reports.Tests.Billing;

public sealed class StatementDocumentTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Statement_pdf_shows_the_totals_core_computes_from_the_call_records()
    {
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-power", "国网示范供电公司");
        var terms = ContractTerms.Sample(tenant, "HT-9", 8, new(2026, 1, 1), new(2026, 12, 31));
        var accounts = new BillingAccounts(_db.DataSource, TimeProvider.System);
        await accounts.Terms.SaveAsync(terms, "admin");
        await accounts.Payments.RecordAsync(tenant, new DateOnly(2026, 1, 2), 32_000m, "押一付一", "admin");
        await accounts.Payments.RecordAsync(tenant, new DateOnly(2026, 2, 3), 10_000m, "二月部分租金", "admin");
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "power-1", new CampaignSettings());
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 50);
        var at = new DateTimeOffset(2026, 1, 20, 10, 0, 0, TimeSpan.FromHours(8));
        var calls = leads.Select((lead, i) => new CallFact(lead, at.AddMinutes(i), at.AddMinutes(i).AddSeconds(8), at.AddMinutes(i).AddSeconds(9),
            at.AddMinutes(i).AddSeconds(9 + 37 * i), null, CallOutcome.Answered, false, "completed", "a1", 10)).ToList();
        await BillingSeed.CallsAsync(_db.DataSource, tenant, campaign, calls);

        var expected = MonthlyStatement.Compute(terms, new CalendarMonth(2026, 2),
            new Dictionary<CalendarMonth, long> { [new CalendarMonth(2026, 1)] = calls.Sum(c => BillableMinutes.Of(c.AnsweredAt, c.EndedAt)) },
            await accounts.Payments.ListAsync(tenant));
        var model = await new StatementDataSource(accounts, new TenantRepository(_db.DataSource), TimeProvider.System)
            .LoadAsync("demo-power", new CalendarMonth(2026, 2), TenantScope.AllTenants);
        Assert.Equal(expected.ClosingBalance, model!.Statement.ClosingBalance);

        var text = PdfText.All(new StatementDocument(model).GeneratePdf());
        string Yuan(decimal d) => d.ToString("N2", CultureInfo.InvariantCulture);
        Assert.Contains("对账单2026-02", text);
        Assert.Contains("国网示范供电公司", text);
        Assert.Contains("本期费用Charges", text);
        Assert.Contains("期末应付Balancedue¥" + Yuan(expected.ClosingBalance), text);
        Assert.Contains("¥" + Yuan(expected.ChargesTotal) + "本期应收Charges", text);
        Assert.Contains("¥" + Yuan(expected.OpeningBalance) + "上期结余Openingbalance", text);
        Assert.Contains(Yuan(expected.Amount(ChargeKind.Telephony)), text);
        Assert.Contains(expected.TelephonyMinutes.ToString(CultureInfo.InvariantCulture), text);
        Assert.Contains("二月部分租金", text);
        Assert.Equal(16_000m + 16_000m + 16_000m + expected.Amount(ChargeKind.Telephony) - 42_000m, expected.ClosingBalance);
    }

    [Fact]
    public async Task Statement_pdf_shows_hotline_minutes_on_their_own_line()
    {
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-power", "国网示范供电公司");
        var terms = ContractTerms.Sample(tenant, "HT-9", 8, new(2026, 1, 1), new(2026, 12, 31));
        var accounts = new BillingAccounts(_db.DataSource, TimeProvider.System);
        await accounts.Terms.SaveAsync(terms, "admin");
        var hotline = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "95598", new CampaignSettings(), CampaignKind.Inbound);
        await using (var cmd = _db.DataSource.CreateCommand("""
            INSERT INTO inbound_calls (id, tenant_id, campaign_id, caller_number, arrived_at, connected_at, ended_at, agent, outcome)
            SELECT gen_random_uuid(), @t, @c, '+8613900000001', at, at + interval '10 seconds', at + interval '10 seconds' + n * interval '61 seconds', 'a1', 'answered'
            FROM generate_series(1, 4) AS n, LATERAL (SELECT timestamptz '2026-01-20 02:00:00+00' + n * interval '1 hour' AS at) AS t
            """))
        {
            cmd.Parameters.AddWithValue("t", tenant.Value);
            cmd.Parameters.AddWithValue("c", hotline.Value);
            await cmd.ExecuteNonQueryAsync();
        }
        var model = await new StatementDataSource(accounts, new TenantRepository(_db.DataSource), TimeProvider.System)
            .LoadAsync("demo-power", new CalendarMonth(2026, 2), TenantScope.AllTenants);
        Assert.Equal(2 + 3 + 4 + 5, model!.Statement.InboundMinutes);          // n × 61 s → n + 1 started minutes

        var text = PdfText.All(new StatementDocument(model).GeneratePdf());
        Assert.Contains("呼入通话分钟Inboundminutes2026-012026-02-0114", text);
        Assert.Contains((14 * 0.12m).ToString("N2", CultureInfo.InvariantCulture), text);
    }
}
