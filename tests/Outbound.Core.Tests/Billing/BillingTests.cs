using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;

namespace Outbound.Core.Tests.Billing;

public sealed class BillingTests
{
    // 10 seats at ¥2000, ¥0.12 a minute, 2026-01-01 .. 2026-12-31, 押一付一, 15 grace days.
    private static readonly ContractTerms Terms = ContractTerms.Sample(TenantId.New(), "HT-2026-001", 10, new(2026, 1, 1), new(2026, 12, 31));
    private static readonly CalendarMonth Jan = new(2026, 1), Feb = new(2026, 2), Mar = new(2026, 3);

    private static Payment Paid(int month, int day, decimal amount) => new(Guid.NewGuid(), new DateOnly(2026, month, day), amount, "bank");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(3599, 60)]
    public void Telephony_is_billed_per_started_minute(int seconds, long minutes) =>
        Assert.Equal(minutes, BillableMinutes.Of(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Unanswered_calls_cost_nothing() =>
        Assert.Equal(0, BillableMinutes.Of(null, DateTimeOffset.UnixEpoch));

    [Fact]
    public void Deposit_and_one_month_in_advance_are_due_on_the_start_day()
    {
        Assert.Equal(20_000m, Terms.MonthlySeatRent);
        Assert.Equal(40_000m, Terms.InitialPayment);
        var statement = MonthlyStatement.Compute(Terms, Jan, new Dictionary<CalendarMonth, long>(), []);
        Assert.Equal(0m, statement.OpeningBalance);
        Assert.Equal([ChargeKind.Deposit, ChargeKind.SeatRent], statement.Charges.Select(c => c.Kind));
        Assert.All(statement.Charges, c => Assert.Equal(new DateOnly(2026, 1, 1), c.DueOn));
        Assert.Equal(40_000m, statement.ClosingBalance);
    }

    [Fact]
    public void February_statement_carries_januarys_balance_and_bills_januarys_minutes()
    {
        // January: 1234 minutes × ¥0.12 = ¥148.08, due 1 February with February's rent.
        var minutes = new Dictionary<CalendarMonth, long> { [Jan] = 1234 };
        Payment[] payments = [Paid(1, 3, 35_000m), Paid(2, 5, 20_000m)];
        var statement = MonthlyStatement.Compute(Terms, Feb, minutes, payments);
        Assert.Equal(5_000m, statement.OpeningBalance);                       // 40 000 − 35 000
        Assert.Equal(20_000m, statement.Amount(ChargeKind.SeatRent));
        Assert.Equal(148.08m, statement.Amount(ChargeKind.Telephony));
        Assert.Equal(1234, statement.TelephonyMinutes);
        Assert.Equal(0m, statement.Amount(ChargeKind.Deposit));
        Assert.Equal(20_000m, statement.PaymentsTotal);
        Assert.Equal(5_148.08m, statement.ClosingBalance);                    // 5 000 + 20 148.08 − 20 000
    }

    [Fact]
    public void Rent_unpaid_for_fifteen_days_is_overdue_but_not_yet_suspended()
    {
        Payment[] payments = [Paid(1, 1, 40_000m)];
        var day16 = AccountStanding.Evaluate(Terms, new Dictionary<CalendarMonth, long>(), payments, new DateOnly(2026, 2, 16));
        Assert.Equal(new DateOnly(2026, 2, 1), day16.OldestUnpaidDueOn);
        Assert.Equal(15, day16.DaysOverdue);
        Assert.False(day16.Suspended);
        Assert.Equal(new DateOnly(2026, 2, 17), day16.SuspendsOn);
    }

    [Fact]
    public void Rent_more_than_fifteen_days_overdue_suspends()
    {
        Payment[] payments = [Paid(1, 1, 40_000m)];
        var day17 = AccountStanding.Evaluate(Terms, new Dictionary<CalendarMonth, long>(), payments, new DateOnly(2026, 2, 17));
        Assert.Equal(16, day17.DaysOverdue);
        Assert.True(day17.Suspended);
        Assert.Equal(20_000m, day17.Outstanding);
    }

    [Fact]
    public void Paying_the_overdue_rent_lifts_the_suspension_even_if_a_newer_charge_is_open()
    {
        // Payments settle the oldest charges first: February paid late, March not yet 15 days late.
        Payment[] payments = [Paid(1, 1, 40_000m), Paid(3, 5, 20_000m)];
        var standing = AccountStanding.Evaluate(Terms, new Dictionary<CalendarMonth, long>(), payments, new DateOnly(2026, 3, 10));
        Assert.False(standing.Suspended);
        Assert.Equal(new DateOnly(2026, 3, 1), standing.OldestUnpaidDueOn);
        Assert.Equal(9, standing.DaysOverdue);
    }

    [Fact]
    public void A_partial_payment_leaves_the_oldest_charge_open()
    {
        Payment[] payments = [Paid(1, 1, 39_999m)];
        var standing = AccountStanding.Evaluate(Terms, new Dictionary<CalendarMonth, long>(), payments, new DateOnly(2026, 1, 20));
        Assert.True(standing.Suspended);
        Assert.Equal(1m, standing.Outstanding);
        Assert.Equal(19, standing.DaysOverdue);
    }

    [Fact]
    public void Renewal_reminder_is_due_from_one_month_before_the_end()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), Terms.RenewalNoticeDate);
        Assert.False(Terms.RenewalReminderDue(new DateOnly(2026, 11, 29)));
        Assert.True(Terms.RenewalReminderDue(new DateOnly(2026, 11, 30)));
        Assert.False(Terms.RenewalReminderDue(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Terms_with_no_seats_and_an_end_before_the_start_are_refused()
    {
        var bad = Terms with { Seats = 0, EndDate = Terms.StartDate };
        Assert.Equal([ContractProblem.SeatsNotPositive, ContractProblem.EndNotAfterStart], bad.Problems());
        Assert.Empty(Terms.Problems());
    }

    [Fact]
    public void Maintenance_beyond_two_days_a_month_does_not_fit_the_allowance()
    {
        var offset = TimeSpan.FromHours(8);
        var first = new MaintenanceWindow(Guid.NewGuid(), new(2026, 3, 7, 0, 0, 0, offset), new(2026, 3, 8, 0, 0, 0, offset), "升级");
        var second = new MaintenanceWindow(Guid.NewGuid(), new(2026, 3, 21, 0, 0, 0, offset), new(2026, 3, 22, 0, 0, 0, offset), "巡检");
        var third = new MaintenanceWindow(Guid.NewGuid(), new(2026, 3, 28, 22, 0, 0, offset), new(2026, 3, 29, 2, 0, 0, offset), "应急");
        Assert.True(MaintenanceWindow.FitsAllowance([first], second, 2, offset));
        Assert.False(MaintenanceWindow.FitsAllowance([first, second], third, 2, offset));
        Assert.True(second.Contains(new(2026, 3, 21, 12, 0, 0, offset)));
        Assert.False(second.Contains(second.EndsAt));
    }
}
