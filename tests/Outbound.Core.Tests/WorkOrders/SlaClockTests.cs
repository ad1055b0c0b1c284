using Outbound.Core.WorkOrders;
using static Outbound.Core.Tests.WorkOrders.CalendarFixtures;

namespace Outbound.Core.Tests.WorkOrders;

/// <summary>The SLA clock driven by a fake clock: every step is given the instant it happens at.</summary>
public sealed class SlaClockTests
{
    private static readonly SlaPolicy Policy = new(FirstResponse: TimeSpan.FromHours(2), NextUpdate: TimeSpan.FromHours(4),
        Resolution: TimeSpan.FromHours(16), WarnBefore: TimeSpan.FromMinutes(30));

    private readonly SlaClock _clock = new(Calendar(), Policy);

    [Fact]
    public void A_new_order_runs_its_first_response_and_resolution_timers_on_business_time()
    {
        var timers = _clock.Start(At(3, 6, 17, 0)); // Friday 17:00

        Assert.Equal(At(3, 9, 10, 0), timers.FirstResponse.Due);   // 1 h on Friday, 1 h on Monday
        Assert.Equal(At(3, 9, 9, 30), timers.FirstResponse.WarnAt);
        Assert.False(timers.NextUpdate.Running);
        Assert.Equal(At(3, 10, 15, 0), timers.Resolution.Due);     // 1 + 9 + 6 h
        Assert.Equal(At(3, 9, 9, 30), timers.NextCheck);
    }

    [Fact]
    public void Warns_once_before_the_breach_then_breaches_at_the_due_time()
    {
        var timers = _clock.Start(At(3, 3, 9, 0));

        var (quiet, none) = _clock.Check(timers, At(3, 3, 10, 29));
        Assert.Empty(none);
        var (warned, warning) = _clock.Check(quiet, At(3, 3, 10, 30));
        Assert.Equal([new SlaAlarm(SlaTarget.FirstResponse, SlaAlarmKind.Warning, At(3, 3, 11, 0))], warning);
        Assert.Empty(_clock.Check(warned, At(3, 3, 10, 45)).Alarms); // not twice
        Assert.Equal(At(3, 3, 11, 0), warned.NextCheck);

        var (after, breach) = _clock.Check(warned, At(3, 3, 11, 0));
        Assert.Equal([new SlaAlarm(SlaTarget.FirstResponse, SlaAlarmKind.Breach, At(3, 3, 11, 0))], breach);
        Assert.False(after.FirstResponse.Running);
        Assert.True(after.Resolution.Running);
    }

    [Fact]
    public void A_late_check_reports_the_breach_without_the_warning_it_missed()
    {
        var (_, alarms) = _clock.Check(_clock.Start(At(3, 3, 9, 0)), At(3, 3, 12, 0));
        Assert.Equal([SlaAlarmKind.Breach], alarms.Select(a => a.Kind));
    }

    [Fact]
    public void The_first_response_stops_its_timer_and_starts_the_next_update_timer()
    {
        var timers = _clock.Updated(_clock.Start(At(3, 3, 9, 0)), At(3, 3, 10, 0));

        Assert.False(timers.FirstResponse.Running);
        Assert.Equal(At(3, 3, 14, 0), timers.NextUpdate.Due);
        var later = _clock.Updated(timers, At(3, 3, 16, 0));
        Assert.Equal(At(3, 4, 11, 0), later.NextUpdate.Due); // 2 h on Tuesday, 2 h on Wednesday
        Assert.Equal(timers.Resolution, later.Resolution);
    }

    [Fact]
    public void Waiting_for_the_customer_pauses_the_clock_and_the_time_left_runs_on_when_work_resumes()
    {
        var started = _clock.Updated(_clock.Start(At(3, 3, 9, 0)), At(3, 3, 9, 30)); // resolution: 9 h on Tuesday, 7 h on Wednesday
        Assert.Equal(At(3, 4, 16, 0), started.Resolution.Due);

        var paused = _clock.Pause(started, At(3, 3, 12, 0)); // 13 business hours left
        Assert.Null(paused.NextCheck);
        Assert.Equal(TimeSpan.FromHours(13), paused.Resolution.LeftWhilePaused);
        Assert.Empty(_clock.Check(paused, At(3, 20, 9, 0)).Alarms); // weeks of waiting breach nothing

        var resumed = _clock.Resume(paused, At(3, 9, 15, 0)); // Monday 15:00: 3 h Monday, 9 h Tuesday, 1 h Wednesday
        Assert.Equal(At(3, 11, 10, 0), resumed.Resolution.Due);
        Assert.Equal(At(3, 11, 9, 30), resumed.Resolution.WarnAt);
        Assert.Equal(At(3, 9, 16, 30), resumed.NextUpdate.Due); // 1.5 h were left of the next update
    }

    [Fact]
    public void A_pause_over_the_spring_festival_loses_no_business_time()
    {
        var timers = _clock.Start(At(2, 13, 9, 0)); // Friday before the festival: resolution due after 16 business hours
        var paused = _clock.Pause(timers, At(2, 13, 17, 0)); // 8 h used, 8 h left
        var resumed = _clock.Resume(paused, At(2, 14, 17, 0)); // resumed on the make-up Saturday at 17:00
        Assert.Equal(At(2, 24, 16, 0), resumed.Resolution.Due); // 1 h on Saturday, 7 h on Tuesday after the festival
    }

    [Fact]
    public void A_timer_resumed_with_less_than_the_warning_time_left_warns_at_once()
    {
        var paused = _clock.Pause(_clock.Start(At(3, 3, 9, 0)), At(3, 3, 10, 50)); // 10 min of first response left
        var resumed = _clock.Resume(paused, At(3, 4, 9, 0));
        var (_, alarms) = _clock.Check(resumed, At(3, 4, 9, 0));
        Assert.Equal([new SlaAlarm(SlaTarget.FirstResponse, SlaAlarmKind.Warning, At(3, 4, 9, 10))], alarms);
    }

    [Fact]
    public void Updates_while_waiting_do_not_restart_the_paused_clock()
    {
        var paused = _clock.Pause(_clock.Start(At(3, 3, 9, 0)), At(3, 3, 10, 0));
        Assert.Equal(paused, _clock.Updated(paused, At(3, 3, 11, 0)));
    }

    [Fact]
    public void A_breached_next_update_runs_again_so_a_silent_order_is_chased_again()
    {
        var timers = _clock.Updated(_clock.Start(At(3, 3, 9, 0)), At(3, 3, 9, 0));
        var (after, alarms) = _clock.Check(timers, At(3, 3, 13, 0));
        Assert.Contains(new SlaAlarm(SlaTarget.NextUpdate, SlaAlarmKind.Breach, At(3, 3, 13, 0)), alarms);
        Assert.Equal(At(3, 3, 17, 0), after.NextUpdate.Due);
    }

    [Fact]
    public void A_reopened_order_gets_a_fresh_resolution_target()
    {
        var timers = _clock.Reopen(At(3, 5, 17, 0));
        Assert.Equal(At(3, 9, 15, 0), timers.Resolution.Due); // 1 + 9 + 6 h over the weekend
        Assert.Equal(At(3, 6, 12, 0), timers.NextUpdate.Due);
    }

    [Theory]
    [InlineData(0, 4, 16, 30)]
    [InlineData(2, -1, 16, 30)]
    [InlineData(2, 4, 0, 30)]
    [InlineData(2, 4, 16, 0)]
    public void Zero_or_negative_targets_are_refused(double firstHours, double updateHours, double resolutionHours, double warnMinutes)
    {
        Assert.NotEmpty(SlaPolicy.Validate(TimeSpan.FromHours(firstHours), TimeSpan.FromHours(updateHours), TimeSpan.FromHours(resolutionHours),
            TimeSpan.FromMinutes(warnMinutes)));
    }

    [Fact]
    public void A_warning_as_long_as_a_target_is_refused()
    {
        Assert.Equal([SlaPolicyProblem.WarningNotBeforeTargets],
            SlaPolicy.Validate(TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(1)));
        Assert.Empty(Policy.Problems);
    }
}
