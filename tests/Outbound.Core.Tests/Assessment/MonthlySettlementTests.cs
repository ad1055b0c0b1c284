using Outbound.Core.Assessment;
using Outbound.Core.Workforce;

namespace Outbound.Core.Tests.Assessment;

public sealed class MonthlySettlementTests
{
    private static readonly AgentId Agent = new(Guid.Parse("00000000-0000-0000-0000-000000000001"));
    private static readonly CalendarMonth March = new(2026, 3);

    private static ChargedDeduction Charge(int rule, decimal? fine = null)
    {
        var r = SeedCatalogue.Get(rule);
        return new ChargedDeduction(r.Category, r.Points, fine ?? r.DefaultFine);
    }

    [Fact]
    public void Late_three_times_one_customer_argument_and_no_work_plan_leave_89_points_and_295_yuan()
    {
        // Seed: rule 2 = 1 point per time (office), rule 9 = 1 point + ¥100 (department),
        // rule 15 = 7 points + ¥50 (department).
        // Office 40 − 3 = 37; department 60 − 1 − 7 = 52; 37 + 52 = 89 points.
        // 89 × ¥5 = ¥445; fines ¥100 + ¥50 = ¥150; net ¥445 − ¥150 = ¥295.
        var line = MonthlySettlement.SettleAgent(Agent, March, 3000m,
            [Charge(2), Charge(2), Charge(2), Charge(9), Charge(15)]);

        Assert.Equal(37, line.OfficePoints);
        Assert.Equal(52, line.DepartmentPoints);
        Assert.Equal(89, line.Points);
        Assert.Equal(445m, line.PointsPay);
        Assert.Equal(150m, line.Fines);
        Assert.Equal(295m, line.NetPerformancePay);
        Assert.Equal(295m, line.PerformancePayable);
        Assert.Equal(0m, line.BaseSalaryOffset);
        Assert.Equal(3295m, line.TotalPayable);
    }

    [Fact]
    public void A_clean_month_pays_100_points_at_5_yuan()
    {
        var line = MonthlySettlement.SettleAgent(Agent, March, 2500m, []);
        Assert.Equal(100, line.Points);
        Assert.Equal(500m, line.NetPerformancePay);
        Assert.Equal(3000m, line.TotalPayable);
    }

    [Fact]
    public void Deductions_beyond_the_performance_pay_are_taken_from_base_salary()
    {
        // Rule 5 (leaking secrets): 1 office point, fine ¥1000–10000; Hr charges ¥2000.
        // 99 points × ¥5 = ¥495; ¥495 − ¥2000 = −¥1505: performance pay 0, base ¥3000 − ¥1505 = ¥1495.
        var line = MonthlySettlement.SettleAgent(Agent, March, 3000m, [Charge(5, 2000m)]);

        Assert.Equal(99, line.Points);
        Assert.Equal(-1505m, line.NetPerformancePay);
        Assert.Equal(0m, line.PerformancePayable);
        Assert.Equal(1505m, line.BaseSalaryOffset);
        Assert.Equal(1495m, line.BaseSalaryPayable);
        Assert.Equal(0m, line.CarriedForward);
    }

    [Fact]
    public void A_shortfall_larger_than_base_salary_is_carried_to_next_month()
    {
        // Rule 7 at the top of its range: 5 office points, ¥10000. 95 × 5 = 475; 475 − 10000 = −9525.
        // Base ¥3000 covers 3000; 6525 is carried forward.
        var line = MonthlySettlement.SettleAgent(Agent, March, 3000m, [Charge(7, 10000m)]);
        Assert.Equal(3000m, line.BaseSalaryOffset);
        Assert.Equal(0m, line.BaseSalaryPayable);
        Assert.Equal(6525m, line.CarriedForward);
    }

    [Fact]
    public void A_category_stops_at_zero_and_does_not_eat_the_other_category()
    {
        // Rule 16 is 15 department points; five times = 75 > 60, so department stops at 0.
        // Office keeps its 40: 40 × ¥5 = ¥200, fines 5 × ¥100 = ¥500, net −¥300.
        var line = MonthlySettlement.SettleAgent(Agent, March, 3000m,
            [Charge(16), Charge(16), Charge(16), Charge(16), Charge(16)]);
        Assert.Equal(40, line.OfficePoints);
        Assert.Equal(0, line.DepartmentPoints);
        Assert.Equal(200m, line.PointsPay);
        Assert.Equal(-300m, line.NetPerformancePay);
        Assert.Equal(300m, line.BaseSalaryOffset);
    }

    [Fact]
    public void Adjustments_from_earlier_months_add_to_the_net_pay()
    {
        // Clean month ¥500 plus a ¥105 refund from last month's voided appeal = ¥605.
        var line = MonthlySettlement.SettleAgent(Agent, March, 3000m, [], adjustment: 105m);
        Assert.Equal(500m, line.MonthAmount);
        Assert.Equal(605m, line.NetPerformancePay);
    }

    [Fact]
    public void Voiding_a_settled_deduction_yields_its_points_and_fine_as_correction()
    {
        // February was settled with rule 9 (1 point, ¥100): 99 × 5 − 100 = ¥395.
        // The appeal is accepted in March: February now computes to ¥500, so ¥105 is owed once.
        var settled = MonthlySettlement.MonthAmountOf([Charge(9)]);
        Assert.Equal(395m, settled);
        Assert.Equal(105m, MonthlySettlement.Correction(settled, [], alreadyCorrected: 0m));
        Assert.Equal(0m, MonthlySettlement.Correction(settled, [], alreadyCorrected: 105m));
    }

    [Fact]
    public void A_settled_month_refuses_new_deductions_and_a_second_settlement()
    {
        var settled = new HashSet<CalendarMonth> { March };
        Assert.NotNull(SettlementLock.RefuseNewDeduction(new DateOnly(2026, 3, 31), settled));
        Assert.Null(SettlementLock.RefuseNewDeduction(new DateOnly(2026, 4, 1), settled));
        Assert.NotNull(SettlementLock.RefuseSettlement(March, settled));
        Assert.Null(SettlementLock.RefuseSettlement(March.Next, settled));
    }
}
