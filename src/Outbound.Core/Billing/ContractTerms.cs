using Outbound.Core.Tenants;
using Outbound.Core.Workforce;

namespace Outbound.Core.Billing;

/// <summary>
/// The seat-lease terms agreed with one client (seed part 二): seats at a monthly price, telephony
/// billed per minute on top (电话费单算), one month's deposit plus one month in advance (押一付一),
/// service suspended when rent is more than <see cref="GraceDays"/> overdue, <see cref="MaintenanceDaysPerMonth"/>
/// maintenance days a month, renewal agreed <see cref="RenewalNoticeMonths"/> before the end.
/// </summary>
public sealed record ContractTerms(
    TenantId TenantId,
    string ContractNo,
    int Seats,
    decimal PricePerSeatMonth,
    decimal TelephonyRatePerMinute,
    DateOnly StartDate,
    DateOnly EndDate,
    int DepositMonths = 1,
    int AdvanceMonths = 1,
    int GraceDays = 15,
    int MaintenanceDaysPerMonth = 2,
    int RenewalNoticeMonths = 1)
{
    /// <summary>The sample contract's figures: ¥2000 a seat a month, 15 grace days, two maintenance days, 押一付一.</summary>
    public static ContractTerms Sample(TenantId tenant, string contractNo, int seats, DateOnly start, DateOnly end) =>
        new(tenant, contractNo, seats, 2000m, 0.12m, start, end);

    public decimal MonthlySeatRent => Seats * PricePerSeatMonth;

    public decimal Deposit => DepositMonths * MonthlySeatRent;

    /// <summary>What the client pays before service starts: the deposit and the months paid in advance.</summary>
    public decimal InitialPayment => Deposit + AdvanceMonths * MonthlySeatRent;

    public CalendarMonth FirstMonth => CalendarMonth.Of(StartDate);

    public CalendarMonth LastMonth => CalendarMonth.Of(EndDate);

    /// <summary>The last day on which the renewal should be agreed (one month before expiry in the sample).</summary>
    public DateOnly RenewalNoticeDate => EndDate.AddMonths(-RenewalNoticeMonths);

    /// <summary>A reminder is due from the notice date until the contract ends.</summary>
    public bool RenewalReminderDue(DateOnly today) => today >= RenewalNoticeDate && today <= EndDate;

    public IReadOnlyList<ContractProblem> Problems()
    {
        var problems = new List<ContractProblem>();
        if (string.IsNullOrWhiteSpace(ContractNo)) problems.Add(ContractProblem.ContractNoMissing);
        if (Seats < 1) problems.Add(ContractProblem.SeatsNotPositive);
        if (PricePerSeatMonth <= 0) problems.Add(ContractProblem.PriceNotPositive);
        if (TelephonyRatePerMinute < 0) problems.Add(ContractProblem.RateNegative);
        if (EndDate <= StartDate) problems.Add(ContractProblem.EndNotAfterStart);
        if (DepositMonths < 0 || AdvanceMonths < 0) problems.Add(ContractProblem.MonthsNegative);
        if (GraceDays < 0) problems.Add(ContractProblem.GraceNegative);
        if (MaintenanceDaysPerMonth is < 0 or > 31) problems.Add(ContractProblem.MaintenanceDaysOutOfRange);
        if (RenewalNoticeMonths < 0) problems.Add(ContractProblem.MonthsNegative);
        return problems;
    }
}

public enum ContractProblem
{
    ContractNoMissing,
    SeatsNotPositive,
    PriceNotPositive,
    RateNegative,
    EndNotAfterStart,
    MonthsNegative,
    GraceNegative,
    MaintenanceDaysOutOfRange,
}
