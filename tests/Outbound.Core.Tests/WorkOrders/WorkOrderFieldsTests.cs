using Outbound.Core.WorkOrders;

namespace Outbound.Core.Tests.WorkOrders;

public sealed class WorkOrderFieldsTests
{
    private static readonly WorkOrderField[] Fields =
    [
        new("card_last4", "卡号后四位", Required: true),
        new("amount", "争议金额", FieldKind.Number),
        new("txn_date", "交易日期", FieldKind.Date),
        new("channel", "渠道", FieldKind.Choice, Choices: ["柜面", "网银", "手机银行"]),
    ];

    [Fact]
    public void Valid_values_are_kept_trimmed_and_blanks_dropped()
    {
        var (values, errors) = WorkOrderFields.Check(Fields, new Dictionary<string, string?>
            { ["card_last4"] = " 6217 ", ["amount"] = "1200.50", ["txn_date"] = "2026-11-30", ["channel"] = "网银" });
        Assert.Empty(errors);
        Assert.Equal("6217", values["card_last4"]);
        Assert.Equal(4, values.Count);
        Assert.Single(WorkOrderFields.Check(Fields, new Dictionary<string, string?> { ["card_last4"] = "1", ["amount"] = " " }).Values);
    }

    [Fact]
    public void Each_bad_value_is_named_with_its_problem()
    {
        var (_, errors) = WorkOrderFields.Check(Fields, new Dictionary<string, string?>
            { ["amount"] = "一千", ["txn_date"] = "30/11/2026", ["channel"] = "微信", ["unknown"] = "x" });
        Assert.Equal(
            [new("unknown", FieldProblem.UnknownField), new("card_last4", FieldProblem.Missing), new("amount", FieldProblem.NotANumber),
             new("txn_date", FieldProblem.NotADate), new("channel", FieldProblem.NotAChoice)],
            errors);
    }
}
