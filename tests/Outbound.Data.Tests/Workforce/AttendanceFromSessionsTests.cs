using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Data.Tests.Assessment;
using Outbound.Data.Workforce;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Workforce;

/// <summary>Attendance judged from the dialer's own agent sessions (agent_sessions), not only from the attendance machine.</summary>
public sealed class AttendanceFromSessionsTests : AssessmentDatabaseTest
{
    private static readonly ShiftCode Early = new("E");
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int day, int h, int m) => new(2026, 3, day, h, m, 0, Beijing);

    private async Task RosterMarch()
    {
        var rosters = new Rosters(Db.DataSource, CenterTime.China);
        await rosters.SaveTemplateAsync(new ShiftTemplate(Early, "早班", new TimeOnly(8, 0), TimeSpan.FromHours(8)));
        // Both teams (offsets 0 and 4 of a 4-day cycle) work 08:00–16:00 on 1 March.
        await rosters.SaveRotationAsync(new Rotation([Early, Early, null, null], new DateOnly(2026, 3, 1)));
        await rosters.GenerateAsync(new CalendarMonth(2026, 3));
    }

    private async Task DialerSession(string agentKey, DateTimeOffset login, DateTimeOffset? logout, string run = "run")
    {
        await using var records = new DurableWriter(Db.DataSource, NullLogger<DurableWriter>.Instance);
        var id = Guid.CreateVersion7();
        records.Append(new AgentSessionStarted(id, agentKey, null, login, run));
        records.Append(new AgentStateRecorded(Guid.CreateVersion7(), id, agentKey, "ready", null, login));
        if (logout is { } at) records.Append(new AgentSessionEnded(id, at, "logout"));
        await records.FlushAsync();
    }

    [Fact]
    public async Task Dialer_logins_keyed_by_user_id_or_user_name_give_late_early_leave_and_absent()
    {
        await RosterMarch();
        // Alice's desk logs in under her user id, Bob's under his user name, in any letter case.
        await DialerSession(Alice.Value.ToString(), At(1, 7, 45), At(1, 12, 30));
        await DialerSession("BOB@ABC.TEST", At(1, 8, 5), At(1, 16, 2));
        await DialerSession("bob@abc.test", At(1, 7, 0), At(1, 7, 30)); // an earlier stretch that ended before the shift
        // The leader used the attendance machine instead; the outsider never logged in anywhere.
        var machine = new AttendanceLog(Db.DataSource, CenterTime.China);
        await machine.LoginAsync(Leader, At(1, 7, 40));
        await machine.LogoutAsync(Leader, At(1, 16, 10));
        // A dialer session of someone without a staff record is not attendance.
        await DialerSession("bank-collect-1-bot0", At(1, 7, 0), At(1, 17, 0));

        var records = (await machine.ClassifyAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), At(2, 0, 0)))
            .ToDictionary(r => r.Shift.Agent);

        Assert.Equal(4, records.Count);
        Assert.Equal(AttendanceStatus.EarlyLeave, records[Alice].Status);
        Assert.True(records[Alice].ReadyInTime);
        Assert.Equal(new DateTime(2026, 3, 1, 12, 30, 0), records[Alice].LastLogout);
        // Bob's 07:00–07:30 stretch does not cover 08:00: he arrived at 08:05.
        Assert.Equal(AttendanceStatus.Late, records[Bob].Status);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 5, 0), records[Bob].FirstLogin);
        Assert.Equal(AttendanceStatus.Present, records[Leader].Status);
        Assert.Equal(AttendanceStatus.Absent, records[Outsider].Status);
    }

    [Fact]
    public async Task A_session_left_open_by_a_dialer_crash_ends_at_the_crash_time_and_attendance_says_the_crash_closed_it()
    {
        await RosterMarch();
        await DialerSession(Alice.Value.ToString(), At(1, 7, 45), logout: null, run: "crashed-run");
        await DialerSession(Bob.Value.ToString(), At(1, 7, 45), At(1, 16, 5), run: "crashed-run");

        Assert.Equal(1, await new InterruptedWork(Db.DataSource).CloseSessionsAsync("crashed-run", At(1, 11, 20)));

        var machine = new AttendanceLog(Db.DataSource, CenterTime.China);
        var records = (await machine.ClassifyAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), At(2, 0, 0))).ToDictionary(r => r.Shift.Agent);
        Assert.Equal((AttendanceStatus.EarlyLeave, new DateTime(2026, 3, 1, 11, 20, 0), true),
            (records[Alice].Status, records[Alice].LastLogout, records[Alice].LogoutByCrash));
        Assert.False(records[Bob].LogoutByCrash);
        Assert.Equal("crash", await DialingSeed.ScalarAsync<string>(Db.DataSource,
            "SELECT reason FROM agent_state_events WHERE state = 'logged_out'"));
    }

    [Fact]
    public async Task A_late_dialer_login_is_proposed_to_hr_as_a_rule_2_draft_and_never_charged_on_its_own()
    {
        await RosterMarch();
        await DialerSession(Alice.Value.ToString(), At(1, 8, 12), At(1, 16, 0));
        await DialerSession(Bob.Value.ToString(), At(1, 7, 45), At(1, 16, 0));
        await DialerSession(Leader.Value.ToString(), At(1, 7, 45), At(1, 16, 0));
        await DialerSession(Outsider.Value.ToString(), At(1, 7, 45), At(1, 16, 0));
        var handovers = new Handovers(Db.DataSource, CenterTime.China);
        foreach (var who in new[] { Alice, Bob, Leader, Outsider })
            await handovers.WriteAsync(new HandoverLog(who, null, new DateOnly(2026, 3, 1), Early, "无待办", new DateTime(2026, 3, 1, 15, 58, 0)));

        var created = await new DetectionRun(Db.DataSource, CenterTime.China).RunAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), At(2, 0, 0));

        var deductions = new Deductions(Db.DataSource);
        var late = Assert.Single(await deductions.ForAgentAsync(Alice, Hr));
        Assert.Equal(created.Single(), late.Id);
        Assert.Equal((2, DeductionState.Draft, EvidenceKind.Attendance), (late.Rule.Value, late.State, late.Evidence.Kind));
        Assert.Contains("08:12", late.Evidence.Note);
        // A draft is not charged: the month's provisional settlement still gives Alice her 100 points.
        var preview = await new Settlements(Db.DataSource).PreviewAsync(new CalendarMonth(2026, 3), At(2, 0, 0));
        Assert.Equal(100, preview.Rows.Single(r => r.Line.Agent == Alice).Line.Points);
    }

    [Fact]
    public async Task A_staff_record_must_belong_to_an_existing_user()
    {
        var stranger = AgentId.New();
        var refused = await Assert.ThrowsAsync<AssessmentRefusedException>(() =>
            new Staff(Db.DataSource).SaveAgentAsync(new StaffRecord(stranger, "Z999", "无账号", null, 3000m)));
        Assert.Contains("user", refused.Message);
        await TestUsers.InsertAsync(Db.DataSource, stranger.Value);
        await new Staff(Db.DataSource).SaveAgentAsync(new StaffRecord(stranger, "Z999", "有账号", null, 3000m));
        Assert.Contains(await new Staff(Db.DataSource).ListAsync(), s => s.Agent == stranger);
    }

    [Fact]
    public async Task Nothing_is_charged_to_or_logged_for_a_user_without_a_staff_record()
    {
        var visitor = AgentId.New();
        await TestUsers.InsertAsync(Db.DataSource, visitor.Value);
        var refused = await Assert.ThrowsAsync<AssessmentRefusedException>(() => new Deductions(Db.DataSource).RecordAsync(
            new NewDeduction(visitor, new RuleNumber(3), new DateOnly(2026, 3, 2), null, Evidence.Written("私事")), Hr));
        Assert.Contains("staff", refused.Message);
        await Assert.ThrowsAsync<AssessmentRefusedException>(() =>
            new AttendanceLog(Db.DataSource, CenterTime.China).LoginAsync(visitor, At(2, 7, 45)));
    }
}
