using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Tests.Assessment;
using Outbound.Data.Workforce;

namespace Outbound.Data.Tests.Workforce;

public sealed class DetectionRunTests : AssessmentDatabaseTest
{
    private static readonly ShiftCode Early = new("E");
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private CenterTime Time => CenterTime.China;

    private async Task RosterMarch()
    {
        var rosters = new Rosters(Db.DataSource, Time);
        await rosters.SaveTemplateAsync(new ShiftTemplate(Early, "早班", new TimeOnly(8, 0), TimeSpan.FromHours(8)));
        await rosters.SaveTemplateAsync(new ShiftTemplate(new ShiftCode("L"), "中班", new TimeOnly(16, 0), TimeSpan.FromHours(8)));
        // Team A (offset 0) works early shifts on days 1–2 of each 4-day cycle; team B (offset 2) the late ones.
        await rosters.SaveRotationAsync(new Rotation([Early, Early, new ShiftCode("L"), null], new DateOnly(2026, 3, 1)));
        await rosters.GenerateAsync(new CalendarMonth(2026, 3));
    }

    private static DateTimeOffset At(int day, int h, int m) => new(2026, 3, day, h, m, 0, Beijing);

    [Fact]
    public async Task Roster_puts_the_leader_on_the_same_shifts_as_the_team()
    {
        await RosterMarch();
        var roster = await new Rosters(Db.DataSource, Time).ForDaysAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        var leaderShifts = roster.Where(r => r.Agent == Leader).Select(r => (r.Day, r.Shift)).ToList();
        Assert.NotEmpty(leaderShifts);
        Assert.Equal(leaderShifts, roster.Where(r => r.Agent == Alice).Select(r => (r.Day, r.Shift)));
        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0), roster.First(r => r.Agent == Alice).Start);
    }

    [Fact]
    public async Task Late_login_and_missing_handover_are_proposed_as_drafts_once()
    {
        await RosterMarch();
        var log = new AttendanceLog(Db.DataSource, Time);
        // 1 March early shift 08:00–16:00 for team A (Leader, Alice, Bob).
        await log.LoginAsync(Leader, At(1, 7, 40)); await log.LogoutAsync(Leader, At(1, 16, 5));
        await log.LoginAsync(Alice, At(1, 7, 56)); await log.LogoutAsync(Alice, At(1, 16, 0)); // after 07:50: rule 2
        await log.LoginAsync(Bob, At(1, 7, 45)); await log.LogoutAsync(Bob, At(1, 16, 0));
        var handovers = new Handovers(Db.DataSource, Time);
        await handovers.WriteAsync(new HandoverLog(Leader, null, new DateOnly(2026, 3, 1), Early, "5 个预约回拨待处理", new DateTime(2026, 3, 1, 15, 50, 0)));
        await handovers.WriteAsync(new HandoverLog(Alice, Bob, new DateOnly(2026, 3, 1), Early, "工单 1024 待回复", new DateTime(2026, 3, 1, 15, 55, 0)));

        var run = new DetectionRun(Db.DataSource, Time);
        var created = await run.RunAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), At(1, 23, 0));

        var deductions = new Deductions(Db.DataSource);
        var alice = Assert.Single(await deductions.ForAgentAsync(Alice, Hr));
        Assert.Equal((2, DeductionState.Draft, "detected"), (alice.Rule.Value, alice.State, alice.Source));
        var bob = Assert.Single(await deductions.ForAgentAsync(Bob, Hr));
        Assert.Equal(13, bob.Rule.Value);
        Assert.Empty(await deductions.ForAgentAsync(Leader, Hr));
        // Team B sits at offset 4 of a 4-day cycle, so it is on the same early shift; its leader never logged in:
        // absent is not being at the seat either (rule 2), and an absent agent owes no handover log.
        var outsider = Assert.Single(await deductions.ForAgentAsync(Outsider, Hr));
        Assert.Equal(2, outsider.Rule.Value);
        Assert.Contains("缺勤", outsider.Evidence.Note);
        Assert.Equal(3, created.Count);

        Assert.Empty(await run.RunAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), At(1, 23, 30)));
        var audit = Assert.Single(await deductions.AuditAsync(alice.Id, Hr));
        Assert.Null(audit.Actor); // the system proposed it; Hr has not acted yet
    }

    [Fact]
    public async Task Shifts_not_yet_ended_are_not_judged()
    {
        await RosterMarch();
        Assert.Empty(await new DetectionRun(Db.DataSource, Time).RunAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), At(1, 12, 0)));
    }

    [Fact]
    public async Task Deleting_a_recording_is_refused_and_proposes_rule_7()
    {
        var refusal = await new ProtectedFiles(Db.DataSource, Time).RefuseDeletionAsync(Bob, ProtectedFileKind.Recording, "rec/2026/03/09/abc.wav", At(9, 10, 0));
        Assert.Contains("不得删除", refusal.Text.Zh);
        var d = Assert.Single(await new Deductions(Db.DataSource).ForAgentAsync(Bob, Hr));
        Assert.Equal((7, DeductionState.Draft, new DateOnly(2026, 3, 9)), (d.Rule.Value, d.State, d.OccurredOn));
        Assert.Contains("abc.wav", d.Evidence.Note);
    }

    [Fact]
    public async Task A_logout_without_an_open_session_is_refused()
    {
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => new AttendanceLog(Db.DataSource, Time).LogoutAsync(Alice, At(2, 16, 0)));
    }
}
