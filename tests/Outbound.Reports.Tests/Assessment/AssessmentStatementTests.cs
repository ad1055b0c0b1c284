using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Reports.Assessment;
using Outbound.Testing;
using UglyToad.PdfPig;

namespace Outbound.Reports.Tests.Assessment;

public sealed class AssessmentStatementTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly AgentId _alice = AgentId.New(), _bob = AgentId.New();
    private readonly AssessmentActor _hr = new(AgentId.New(), AssessmentRole.Hr);
    private static readonly CalendarMonth March = new(2026, 3);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await TestUsers.InsertAsync(_db.DataSource, _alice.Value);
        await TestUsers.InsertAsync(_db.DataSource, _bob.Value);
        await new Staff(_db.DataSource).SaveAgentAsync(new StaffRecord(_alice, "A001", "李丽", null, 3000m));
        await new Staff(_db.DataSource).SaveAgentAsync(new StaffRecord(_bob, "A002", "张波", null, 3000m));
        var deductions = new Deductions(_db.DataSource);
        foreach (var (rule, day) in new[] { (2, 2), (2, 3), (2, 4), (9, 10), (15, 20) })
        {
            var id = await deductions.RecordAsync(new NewDeduction(_alice, new RuleNumber(rule), new DateOnly(2026, 3, day), null, Evidence.Written("记录")), _hr);
            await deductions.ApplyAsync(id, DeductionAction.Confirm, _hr, null);
        }
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<string> StatementText(AssessmentActor viewer)
    {
        var model = await new AssessmentStatementDataSource(_db.DataSource, TimeProvider.System).LoadAsync(_alice, March, viewer);
        var pdf = new AssessmentStatementDocument(model).GeneratePdf();
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task Settled_statement_shows_the_chinese_headings_and_the_worked_example_figures()
    {
        await new Settlements(_db.DataSource).SettleAsync(March, _hr, new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var text = await StatementText(new AssessmentActor(_alice, AssessmentRole.Agent));

        Assert.Contains("员工绩效考核结算单", text);
        Assert.Contains("扣分明细", text);
        Assert.Contains("已结算", text);
        Assert.Contains("李丽", text);
        Assert.Contains("¥445.00", text);
        Assert.Contains("¥150.00", text);
        Assert.Contains("¥295.00", text);
        Assert.Contains("¥3295.00", text);
        Assert.Contains("严禁与客户发生争吵", text);
        Assert.Contains("不制定工作、学习计划", text);
    }

    [Fact]
    public async Task An_unsettled_month_is_marked_provisional()
    {
        var text = await StatementText(_hr);
        Assert.Contains("暂估", text);
        Assert.Contains("¥295.00", text);
    }

    [Fact]
    public async Task Another_agent_cannot_get_the_statement()
    {
        await Assert.ThrowsAsync<AssessmentRefusedException>(() =>
            new AssessmentStatementDataSource(_db.DataSource, TimeProvider.System).LoadAsync(_alice, March, new AssessmentActor(_bob, AssessmentRole.Agent)));
    }
}
