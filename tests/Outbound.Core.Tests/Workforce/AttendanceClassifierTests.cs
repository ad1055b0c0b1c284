using Outbound.Core.Workforce;

namespace Outbound.Core.Tests.Workforce;

public sealed class AttendanceClassifierTests
{
    private static readonly AgentId Agent = AgentId.New();
    private static readonly DateOnly Day = new(2026, 3, 2);
    // Early shift 08:00–16:00.
    private static readonly RosterEntry Shift = new(Agent, TeamId.New(), Day, new ShiftCode("E"),
        Day.ToDateTime(new TimeOnly(8, 0)), Day.ToDateTime(new TimeOnly(16, 0)));

    private static DateTime At(int h, int m) => Day.ToDateTime(new TimeOnly(h, m));

    private static AttendanceRecord Classify(params AgentSession[] sessions) =>
        AttendanceClassifier.Classify(Shift, sessions, AttendancePolicy.Seed);

    [Fact]
    public void Login_at_0745_and_logout_at_1605_is_present_and_ready_in_time()
    {
        var r = Classify(new AgentSession(Agent, At(7, 45), At(16, 5)));
        Assert.Equal(AttendanceStatus.Present, r.Status);
        Assert.True(r.ReadyInTime);
    }

    [Fact]
    public void Login_at_0755_is_on_time_for_the_shift_but_breaks_rule_2()
    {
        // 07:55 is before 08:00 (not late) but after 07:50 (not 10 minutes early).
        var r = Classify(new AgentSession(Agent, At(7, 55), At(16, 0)));
        Assert.Equal(AttendanceStatus.Present, r.Status);
        Assert.False(r.ReadyInTime);
    }

    [Fact]
    public void Login_after_start_is_late_and_logout_before_end_is_early_leave()
    {
        Assert.Equal(AttendanceStatus.Late, Classify(new AgentSession(Agent, At(8, 3), At(16, 0))).Status);
        Assert.Equal(AttendanceStatus.EarlyLeave, Classify(new AgentSession(Agent, At(7, 40), At(15, 30))).Status);
        Assert.Equal(AttendanceStatus.LateAndEarlyLeave, Classify(new AgentSession(Agent, At(9, 0), At(15, 0))).Status);
    }

    [Fact]
    public void A_break_between_two_sessions_is_judged_by_first_login_and_last_logout()
    {
        var r = Classify(new AgentSession(Agent, At(7, 48), At(12, 0)), new AgentSession(Agent, At(13, 0), At(16, 1)));
        Assert.Equal(AttendanceStatus.Present, r.Status);
        Assert.Equal(At(16, 1), r.LastLogout);
    }

    [Fact]
    public void No_session_in_the_shift_is_absent_and_yesterdays_session_does_not_count()
    {
        Assert.Equal(AttendanceStatus.Absent, Classify().Status);
        var yesterday = new AgentSession(Agent, At(7, 0).AddDays(-1), At(16, 0).AddDays(-1));
        Assert.Equal(AttendanceStatus.Absent, Classify(yesterday).Status);
        var someoneElse = new AgentSession(AgentId.New(), At(7, 0), At(16, 0));
        Assert.Equal(AttendanceStatus.Absent, Classify(someoneElse).Status);
    }

    [Fact]
    public void A_session_still_open_counts_as_present_to_the_end()
    {
        var r = Classify(new AgentSession(Agent, At(7, 30), null));
        Assert.Equal(AttendanceStatus.Present, r.Status);
        Assert.Null(r.LastLogout);
    }

    [Fact]
    public void A_login_before_a_gap_over_shift_start_does_not_make_a_late_arrival_early()
    {
        // Logged in at 07:00, out at 07:30, back at 08:05: not at the seat at 08:00.
        var r = Classify(new AgentSession(Agent, At(7, 0), At(7, 30)), new AgentSession(Agent, At(8, 5), At(16, 0)));
        Assert.Equal(AttendanceStatus.Late, r.Status);
        Assert.Equal(At(8, 5), r.FirstLogin);
        Assert.False(r.ReadyInTime);
    }

    [Fact]
    public void Overlapping_sessions_of_two_campaigns_count_as_one_stretch_from_the_first_login()
    {
        var r = Classify(new AgentSession(Agent, At(7, 45), At(12, 0)), new AgentSession(Agent, At(11, 0), At(16, 0)));
        Assert.Equal(AttendanceStatus.Present, r.Status);
        Assert.True(r.ReadyInTime);
        Assert.Equal(At(16, 0), r.LastLogout);
    }

    [Fact]
    public void A_session_that_ended_before_the_shift_began_is_absent()
    {
        Assert.Equal(AttendanceStatus.Absent, Classify(new AgentSession(Agent, At(6, 30), At(7, 0))).Status);
    }

    [Fact]
    public void A_stretch_ended_by_a_dialer_crash_says_so_and_one_the_agent_came_back_after_does_not()
    {
        var crashed = new AgentSession(Agent, At(7, 45), At(11, 20)) { ClosedByCrash = true };
        var leftAtCrash = Classify(crashed);
        Assert.Equal((AttendanceStatus.EarlyLeave, true), (leftAtCrash.Status, leftAtCrash.LogoutByCrash));

        var cameBack = Classify(crashed, new AgentSession(Agent, At(11, 21), At(16, 2)));
        Assert.Equal((AttendanceStatus.Present, false), (cameBack.Status, cameBack.LogoutByCrash));
        Assert.False(Classify(new AgentSession(Agent, At(7, 45), At(11, 20))).LogoutByCrash);
    }
}
