using System.Text;
using System.Text.Json;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Testing;

using Outbound.Cli.Tests.Support;

namespace Outbound.Cli.Tests.Commands;

/// <summary>Runs the real <c>outbound</c> executable against a throwaway database, as ops/outbound does.</summary>
public sealed class AssessmentCommandsTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<(int Code, string Stdout, string Stderr)> Run(params string[] args) => CliProcess.RunAsync(_db.ConnectionString, args);

    [Fact]
    public async Task Rules_json_lists_the_seeded_catalogue_with_the_seed_points_and_fines()
    {
        var (code, stdout, _) = await Run("assessment", "rules", "--json");
        Assert.Equal(0, code);
        var rules = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("number").GetInt32());
        Assert.Equal(15, rules.Count);
        Assert.Equal(7, rules[15].GetProperty("points").GetInt32());
        Assert.Equal(50m, rules[15].GetProperty("fine_min").GetDecimal());
        Assert.Equal(1000m, rules[5].GetProperty("fine_min").GetDecimal());
        Assert.Equal(10000m, rules[5].GetProperty("fine_max").GetDecimal());
        Assert.True(rules[9].GetProperty("may_dismiss").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rules[2].GetProperty("fine_min").ValueKind);
        Assert.Equal("office", rules[2].GetProperty("category").GetString());
        Assert.StartsWith("严禁与客户发生争吵", rules[9].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Settle_writes_a_bom_csv_and_one_json_summary_and_locks_the_month()
    {
        var hr = new AssessmentActor(AgentId.New(), AssessmentRole.Hr);
        var alice = AgentId.New();
        var bob = AgentId.New();
        await TestUsers.InsertAsync(_db.DataSource, alice.Value);
        await TestUsers.InsertAsync(_db.DataSource, bob.Value);
        await new Staff(_db.DataSource).SaveAgentAsync(new StaffRecord(alice, "A001", "李丽", null, 3000m));
        await new Staff(_db.DataSource).SaveAgentAsync(new StaffRecord(bob, "A002", "张波", null, 3000m));
        var deductions = new Deductions(_db.DataSource);
        foreach (var (rule, day) in new[] { (2, 2), (2, 3), (2, 4), (9, 10), (15, 20) })
        {
            var id = await deductions.RecordAsync(new NewDeduction(alice, new RuleNumber(rule), new DateOnly(2026, 3, day), null, Evidence.Written("记录")), hr);
            await deductions.ApplyAsync(id, DeductionAction.Confirm, hr, null);
        }
        var csv = Path.Combine(Path.GetTempPath(), $"payroll-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, stdout, stderr) = await Run("assessment", "settle", "--month", "2026-03", "--out", csv, "--json");
            Assert.True(code == 0, stderr);
            var summary = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal("2026-03", summary.GetProperty("month").GetString());
            Assert.Equal(2, summary.GetProperty("agents").GetInt32());
            Assert.Equal(189, summary.GetProperty("total_points").GetInt32());
            Assert.Equal(150m, summary.GetProperty("total_fines").GetDecimal());
            Assert.Equal(795m, summary.GetProperty("total_net_pay").GetDecimal()); // 295 + 500
            Assert.True(summary.GetProperty("locked").GetBoolean());

            var bytes = await File.ReadAllBytesAsync(csv);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("月份 month,工号 employee_no,姓名 name", lines[0]);
            Assert.Equal("2026-03,A001,李丽,37,52,89,445.00,150.00,0.00,295.00,3000.00,0.00,0.00,3295.00,5", lines[1]);
            Assert.Equal(3, lines.Length);

            // Settling again exports the same locked settlement rather than recomputing it.
            var again = await Run("assessment", "settle", "--month", "2026-03", "--out", csv, "--json");
            Assert.Equal(0, again.Code);
            Assert.Contains("locked", again.Stderr);
            Assert.Equal(795m, JsonDocument.Parse(again.Stdout).RootElement.GetProperty("total_net_pay").GetDecimal());
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public async Task Settle_with_a_malformed_month_is_a_usage_error()
    {
        var (code, stdout, stderr) = await Run("assessment", "settle", "--month", "March", "--out", "x.csv", "--json");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("YYYY-MM", stderr);
    }

    [Fact]
    public async Task Detect_proposes_a_late_login_once_as_a_draft_and_reports_the_count()
    {
        var alice = AgentId.New();
        await TestUsers.InsertAsync(_db.DataSource, alice.Value);
        var staff = new Staff(_db.DataSource);
        var team = TeamId.New();
        await staff.SaveTeamAsync(team, "一组", alice, 0);
        await staff.SaveAgentAsync(new StaffRecord(alice, "A001", "李丽", team, 3000m));
        var rosters = new Rosters(_db.DataSource, CenterTime.China);
        var early = new ShiftCode("E");
        await rosters.SaveTemplateAsync(new ShiftTemplate(early, "早班", new TimeOnly(8, 0), TimeSpan.FromHours(8)));
        await rosters.SaveRotationAsync(new Rotation([early, null, null, null, null, null, null], new DateOnly(2026, 3, 2)));
        await rosters.GenerateAsync(new CalendarMonth(2026, 3));
        var log = new AttendanceLog(_db.DataSource, CenterTime.China);
        foreach (var day in new[] { 2, 9, 16, 23, 30 })
        {
            var late = day == 9 ? 15 : -15;
            await log.LoginAsync(alice, new DateTimeOffset(2026, 3, day, 8, 0, 0, TimeSpan.FromHours(8)).AddMinutes(late));
            await log.LogoutAsync(alice, new DateTimeOffset(2026, 3, day, 16, 5, 0, TimeSpan.FromHours(8)));
            await new Handovers(_db.DataSource, CenterTime.China).WriteAsync(new HandoverLog(alice, null, new DateOnly(2026, 3, day), early, "无", new DateTime(2026, 3, day, 15, 50, 0)));
        }

        var (code, stdout, stderr) = await Run("assessment", "detect", "--month", "2026-03", "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal(1, JsonDocument.Parse(stdout).RootElement.GetProperty("proposed").GetInt32());
        var draft = Assert.Single(await new Deductions(_db.DataSource).ForAgentAsync(alice, new AssessmentActor(AgentId.New(), AssessmentRole.Hr)));
        Assert.Equal((2, DeductionState.Draft, new DateOnly(2026, 3, 9)), (draft.Rule.Value, draft.State, draft.OccurredOn));

        var again = await Run("assessment", "detect", "--month", "2026-03", "--json");
        Assert.Equal(0, JsonDocument.Parse(again.Stdout).RootElement.GetProperty("proposed").GetInt32());
    }
}
