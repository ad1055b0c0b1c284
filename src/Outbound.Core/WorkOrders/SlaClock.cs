namespace Outbound.Core.WorkOrders;

/// <summary>
/// One SLA timer of an order: running (a due instant and the instant to warn at), paused (the business time that was
/// left when the order started waiting for the customer) or off. <see cref="Warned"/> keeps a warning from repeating.
/// </summary>
public sealed record SlaTimer(DateTimeOffset? Due, DateTimeOffset? WarnAt, TimeSpan? LeftWhilePaused, bool Warned)
{
    public static SlaTimer Off { get; } = new(null, null, null, false);

    public bool Running => Due is not null;
    public bool Paused => LeftWhilePaused is not null;

    /// <summary>When the timer next needs a look: its warning, or once warned its breach.</summary>
    public DateTimeOffset? NextCheck => Due is null ? null : Warned || WarnAt is null ? Due : WarnAt;
}

/// <summary>What an SLA check found: a target about to be breached (warn the assignee) or breached (escalate).</summary>
public enum SlaAlarmKind { Warning, Breach }

public sealed record SlaAlarm(SlaTarget Target, SlaAlarmKind Kind, DateTimeOffset Due);

/// <summary>The three timers of an order (first response, next update, resolution).</summary>
public sealed record SlaTimers(SlaTimer FirstResponse, SlaTimer NextUpdate, SlaTimer Resolution)
{
    public static SlaTimers Off { get; } = new(SlaTimer.Off, SlaTimer.Off, SlaTimer.Off);

    public SlaTimer this[SlaTarget target] => target switch
    {
        SlaTarget.FirstResponse => FirstResponse,
        SlaTarget.NextUpdate => NextUpdate,
        _ => Resolution,
    };

    public SlaTimers With(SlaTarget target, SlaTimer timer) => target switch
    {
        SlaTarget.FirstResponse => this with { FirstResponse = timer },
        SlaTarget.NextUpdate => this with { NextUpdate = timer },
        _ => this with { Resolution = timer },
    };

    /// <summary>The earliest instant any timer needs a look; null when none runs (resolved, or waiting for the customer).</summary>
    public DateTimeOffset? NextCheck => new[] { FirstResponse.NextCheck, NextUpdate.NextCheck, Resolution.NextCheck }.Min();

    public bool AnyPaused => FirstResponse.Paused || NextUpdate.Paused || Resolution.Paused;
}

/// <summary>
/// The SLA clock of a work order on the business calendar. Pure: every step takes the time it happens at, so a
/// test drives it with a fake clock. Waiting for the customer pauses every running timer, keeping the business
/// time left; resuming runs them on from then. The first response stops its timer and starts the next-update one;
/// every later update restarts it.
/// </summary>
public sealed class SlaClock(BusinessCalendar calendar, SlaPolicy policy)
{
    public SlaTimers Start(DateTimeOffset at) => new(Run(at, policy.FirstResponse), SlaTimer.Off, Run(at, policy.Resolution));

    /// <summary>Someone of the handling side acted (started work, wrote a note, attached a file): the first response if none yet, and an update.</summary>
    public SlaTimers Updated(SlaTimers timers, DateTimeOffset at) =>
        timers.AnyPaused ? timers : timers with { FirstResponse = SlaTimer.Off, NextUpdate = Run(at, policy.NextUpdate) };

    /// <summary>Waiting for the customer: the clock stops, each running timer keeps what it had left.</summary>
    public SlaTimers Pause(SlaTimers timers, DateTimeOffset at) => new(Pause(timers.FirstResponse, at), Pause(timers.NextUpdate, at), Pause(timers.Resolution, at));

    /// <summary>The customer answered: paused timers run on with the business time they had left.</summary>
    public SlaTimers Resume(SlaTimers timers, DateTimeOffset at) => new(Resume(timers.FirstResponse, at), Resume(timers.NextUpdate, at), Resume(timers.Resolution, at));

    /// <summary>A reopened order gets a fresh resolution target and must be updated as work goes on.</summary>
    public SlaTimers Reopen(DateTimeOffset at) => new(SlaTimer.Off, Run(at, policy.NextUpdate), Run(at, policy.Resolution));

    /// <summary>Runs a timer for <paramref name="businessTime"/> from <paramref name="at"/> (an escalation level's time to act).</summary>
    public SlaTimer Run(DateTimeOffset at, TimeSpan businessTime)
    {
        var due = calendar.Add(at, businessTime);
        var warnAt = policy.WarnBefore < businessTime ? calendar.Subtract(due, policy.WarnBefore) : at;
        return new SlaTimer(due, warnAt, null, Warned: false);
    }

    /// <summary>
    /// What is due at <paramref name="now"/>: a warning per timer once (when its warning time has come but not its due time),
    /// a breach per timer due. After a breach the first-response timer stops, the next-update one runs again (the order
    /// still needs updates) and the resolution one stops until the escalation sets the next level's time.
    /// </summary>
    public (SlaTimers Timers, IReadOnlyList<SlaAlarm> Alarms) Check(SlaTimers timers, DateTimeOffset now)
    {
        var alarms = new List<SlaAlarm>();
        foreach (var target in Enum.GetValues<SlaTarget>())
        {
            var timer = timers[target];
            if (timer.Due is not { } due) continue;
            if (now >= due)
            {
                alarms.Add(new SlaAlarm(target, SlaAlarmKind.Breach, due));
                timers = timers.With(target, target == SlaTarget.NextUpdate ? Run(now, policy.NextUpdate) : SlaTimer.Off);
            }
            else if (!timer.Warned && timer.WarnAt is { } warnAt && now >= warnAt)
            {
                alarms.Add(new SlaAlarm(target, SlaAlarmKind.Warning, due));
                timers = timers.With(target, timer with { Warned = true });
            }
        }
        return (timers, alarms);
    }

    private SlaTimer Pause(SlaTimer timer, DateTimeOffset at) =>
        timer.Due is { } due ? SlaTimer.Off with { LeftWhilePaused = calendar.Between(at, due), Warned = timer.Warned } : timer;

    private SlaTimer Resume(SlaTimer timer, DateTimeOffset at)
    {
        if (timer.LeftWhilePaused is not { } left) return timer;
        var due = calendar.Add(at, left);
        return new SlaTimer(due, left <= policy.WarnBefore ? at : calendar.Subtract(due, policy.WarnBefore), null, timer.Warned);
    }
}
