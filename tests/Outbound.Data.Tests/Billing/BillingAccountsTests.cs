using Outbound.Core.Billing;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Testing;

namespace Outbound.Data.Tests.Billing;

public sealed class BillingAccountsTests : IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private readonly PgTestDatabase _db = new();
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
    private BillingAccounts _accounts = null!;
    private TenantSuspensions _suspensions = null!;
    private TenantId _tenant = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _accounts = new BillingAccounts(_db.DataSource, _clock);
        _suspensions = new TenantSuspensions(_db.DataSource, _accounts, _clock);
        _tenant = await BillingSeed.TenantAsync(_db.DataSource, "acme");
        await _accounts.Terms.SaveAsync(ContractTerms.Sample(_tenant, "HT-1", 5, new(2026, 1, 1), new(2026, 12, 31)), "admin");
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Statement_bills_last_months_call_minutes_rounded_up_per_call_like_core()
    {
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, _tenant, "acme-1", new CampaignSettings());
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, _tenant, campaign, 3);
        var jan = new DateTimeOffset(2026, 1, 15, 10, 0, 0, Cn);
        CallFact Call(long lead, DateTimeOffset at, int? seconds) => new(lead, at, seconds is null ? null : at.AddSeconds(5), null,
            at.AddSeconds(5 + (seconds ?? 0)), null, seconds is null ? CallOutcome.NoAnswer : CallOutcome.Answered, false, null, null, null);
        CallFact[] calls =
        [
            Call(leads[0], jan, 61),                                 // 2 minutes
            Call(leads[1], jan, 60),                                 // 1
            Call(leads[2], jan, null),                               // unanswered: 0
            Call(leads[2], new(2026, 1, 31, 23, 59, 0, Cn), 30),     // still January in Shanghai: 1
            Call(leads[0], new(2026, 2, 1, 0, 30, 0, Cn), 600),      // February: 10
        ];
        await BillingSeed.CallsAsync(_db.DataSource, _tenant, campaign, calls);
        var expectedJanuary = calls.Take(4).Sum(c => BillableMinutes.Of(c.AnsweredAt, c.EndedAt));
        Assert.Equal(4, expectedJanuary);

        var feb = (await _accounts.IssueStatementAsync(_tenant, new CalendarMonth(2026, 2), "admin"))!;
        Assert.Equal(expectedJanuary, feb.TelephonyMinutes);
        Assert.Equal(0.48m, feb.Amount(ChargeKind.Telephony));      // 4 × ¥0.12
        Assert.Equal(10_000m, feb.Amount(ChargeKind.SeatRent));
        Assert.Equal(20_000m, feb.OpeningBalance);                   // January's deposit and rent, unpaid
        Assert.Equal(30_000.48m, feb.ClosingBalance);
        Assert.Equal(30_000.48m, await BillingSeedScalar<decimal>("SELECT closing_balance FROM statements WHERE month = '2026-02'"));
    }

    [Fact]
    public async Task Computing_a_statement_writes_nothing_and_issuing_it_records_the_figures_with_who_and_when()
    {
        var month = new CalendarMonth(2026, 2);
        var preview = (await _accounts.StatementAsync(_tenant, month))!;
        Assert.Equal(0L, await BillingSeedScalar<long>("SELECT count(*) FROM statements"));
        Assert.Null(await _accounts.IssuedAsync(_tenant, month));

        _clock.Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cn);
        await _accounts.IssueStatementAsync(_tenant, month, "finance@demo.local");
        var issued = (await _accounts.IssuedAsync(_tenant, month))!;
        Assert.Equal(("finance@demo.local", preview.ClosingBalance, _clock.Now.ToUniversalTime()), (issued.IssuedBy, issued.ClosingBalance, issued.IssuedAt.ToUniversalTime()));
    }

    [Fact]
    public async Task Overdue_beyond_grace_suspends_and_a_payment_lifts_it()
    {
        await _accounts.Payments.RecordAsync(_tenant, new DateOnly(2026, 1, 2), 20_000m, "首付 押一付一", "admin");
        _clock.Now = new DateTimeOffset(2026, 2, 16, 12, 0, 0, Cn);      // February's rent 15 days late
        Assert.Null(await _suspensions.EvaluateAsync(_tenant));
        var standing = new TenantStandingQuery(_db.DataSource);
        Assert.Equal(TenantStanding.Active, await standing.StandingAsync(_tenant, _clock.Now));

        _clock.Now = new DateTimeOffset(2026, 2, 17, 9, 0, 0, Cn);       // 16 days late
        var suspension = await _suspensions.EvaluateAsync(_tenant);
        Assert.NotNull(suspension);
        Assert.Equal(new DateOnly(2026, 2, 1), suspension.OldestDueOn);
        Assert.Equal(16, suspension.DaysOverdue);
        Assert.Equal(10_000m, suspension.Outstanding);
        Assert.Equal(TenantStanding.Suspended, await standing.StandingAsync(_tenant, _clock.Now));
        Assert.Equal(1, await _suspensions.EvaluateAllAsync());          // evaluating again keeps one open suspension

        await _accounts.Payments.RecordAsync(_tenant, new DateOnly(2026, 2, 17), 10_000m, "二月租金", "admin");
        Assert.Null(await _suspensions.EvaluateAsync(_tenant));
        Assert.Equal(TenantStanding.Active, await standing.StandingAsync(_tenant, _clock.Now));
        Assert.Equal(1L, await BillingSeedScalar<long>("SELECT count(*) FROM tenant_suspensions WHERE lifted_at IS NOT NULL"));
    }

    [Fact]
    public async Task Maintenance_window_pauses_only_the_clients_it_applies_to()
    {
        var other = await BillingSeed.TenantAsync(_db.DataSource, "other");
        var windows = new MaintenanceWindows(_db.DataSource);
        var start = new DateTimeOffset(2026, 3, 7, 0, 0, 0, Cn);
        await windows.AddAsync(_tenant, new MaintenanceWindow(Guid.NewGuid(), start, start.AddDays(1), "系统升级"));
        var standing = new TenantStandingQuery(_db.DataSource);
        Assert.Equal(TenantStanding.Maintenance, await standing.StandingAsync(_tenant, start.AddHours(3)));
        Assert.Equal(TenantStanding.Active, await standing.StandingAsync(other, start.AddHours(3)));
        Assert.Equal(TenantStanding.Active, await standing.StandingAsync(_tenant, start.AddDays(1)));
        Assert.Single(await windows.ForTenantAsync(_tenant, start));
    }

    [Fact]
    public async Task Downloads_are_logged_per_client()
    {
        var log = new DownloadLog(_db.DataSource, _clock);
        await log.RecordAsync(_tenant, "client@acme", DownloadLog.Statement, "2026-02");
        var other = await BillingSeed.TenantAsync(_db.DataSource, "other");
        await log.RecordAsync(other, "client@other", DownloadLog.Contract, "");
        var mine = await log.ForTenantAsync(_tenant);
        Assert.Equal(("client@acme", "statement", "2026-02"), (mine.Single().UserName, mine.Single().Document, mine.Single().DocumentKey));
    }

    [Fact]
    public async Task Terms_round_trip_and_invalid_terms_are_refused()
    {
        var saved = (await _accounts.Terms.FindAsync(_tenant))!;
        Assert.Equal(2000m, saved.PricePerSeatMonth);
        Assert.Equal(15, saved.GraceDays);
        Assert.Equal(new DateOnly(2026, 12, 31), saved.EndDate);
        await Assert.ThrowsAsync<ArgumentException>(() => _accounts.Terms.SaveAsync(saved with { Seats = 0 }, "admin"));
    }

    private async Task<T> BillingSeedScalar<T>(string sql)
    {
        await using var cmd = _db.DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
