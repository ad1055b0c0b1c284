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

    private async Task<string> StatementText(AssessmentActor viewer, CalendarMonth? month = null)
    {
        var model = await new AssessmentStatementDataSource(_db.DataSource, TimeProvider.System).LoadAsync(_alice, month ?? March, viewer);
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
    public async Task Each_deduction_shows_the_evidence_it_rests_on()
    {
        var deductions = new Deductions(_db.DataSource);
        var id = await deductions.RecordAsync(new NewDeduction(_alice, new RuleNumber(1), new DateOnly(2026, 3, 12), null,
            new Evidence(EvidenceKind.Recording, "call-7f3a", "质检抽查：未使用标准问候语")), _hr);
        await deductions.ApplyAsync(id, DeductionAction.Confirm, _hr, null);

        var text = await StatementText(_hr);

        Assert.Contains("证据", text);
        Assert.Contains("录音 call-7f3a", text);
        Assert.Contains("未使用标准问候语", text);
    }

    [Fact]
    public async Task A_refund_of_an_appeal_voided_after_settlement_is_an_adjustment_on_the_next_statement()
    {
        var hrSettles = new Settlements(_db.DataSource);
        await hrSettles.SettleAsync(March, _hr, new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var deductions = new Deductions(_db.DataSource);
        var rule9 = (await deductions.ForAgentAsync(_alice, _hr, March)).Single(d => d.Rule == new RuleNumber(9));
        await deductions.ApplyAsync(rule9.Id, DeductionAction.Appeal, new AssessmentActor(_alice, AssessmentRole.Agent), "客户先辱骂");
        await deductions.ApplyAsync(rule9.Id, DeductionAction.Void, _hr, "申诉成立");

        // April is not settled yet: its statement already carries March's refund (1 point × ¥5 + ¥100 fine).
        var april = await StatementText(new AssessmentActor(_alice, AssessmentRole.Agent), March.Next);

        Assert.Contains("调整明细", april);
        Assert.Contains("2026-03", april);
        Assert.Contains("+¥105.00", april);
        Assert.Contains("¥605.00", april);
    }

    [Fact]
    public async Task Another_agent_cannot_get_the_statement()
    {
        await Assert.ThrowsAsync<AssessmentRefusedException>(() =>
            new AssessmentStatementDataSource(_db.DataSource, TimeProvider.System).LoadAsync(_alice, March, new AssessmentActor(_bob, AssessmentRole.Agent)));
    }
}
