namespace Outbound.Core.Compliance;

/// <summary>Why a dial was refused. Reports count refusals by <see cref="RefusalReasonCodes.Code"/>.</summary>
public enum RefusalReason
{
    OutsideWindow,
    Dnc,
    MaxAttempts,
    DailyUnansweredLimit,
    RetryDelay,
    OfcomAbandon72h,
    CallbackOwnedByOther,
    TenantSuspended,
    CampaignNotRunning,
    UnknownTimeZone,
    /// <summary>Dials predictive pacing wanted but the governor held back: the abandon window is at (or has no room under) the cap.</summary>
    CapReached,
    /// <summary>Dials predictive pacing wanted but the team is too small for predictive dialing: progressive instead.</summary>
    SmallTeam,
    /// <summary>Machine verdicts the dialer did not hang up on because detection is off (its false positives cost too much of the cap).</summary>
    DetectorOff,
}

public static class RefusalReasonCodes
{
    /// <summary>The stable snake_case code stored in the database and shown in reports.</summary>
    public static string Code(this RefusalReason reason) => reason switch
    {
        RefusalReason.OutsideWindow => "outside_window",
        RefusalReason.Dnc => "dnc",
        RefusalReason.MaxAttempts => "max_attempts",
        RefusalReason.DailyUnansweredLimit => "daily_unanswered_limit",
        RefusalReason.RetryDelay => "retry_delay",
        RefusalReason.OfcomAbandon72h => "ofcom_abandon_72h",
        RefusalReason.CallbackOwnedByOther => "callback_owned_by_other",
        RefusalReason.TenantSuspended => "tenant_suspended",
        RefusalReason.CampaignNotRunning => "campaign_not_running",
        RefusalReason.UnknownTimeZone => "unknown_time_zone",
        RefusalReason.CapReached => "cap_reached",
        RefusalReason.SmallTeam => "small_team",
        RefusalReason.DetectorOff => "detector_off",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Refusals after which the lead will never become callable again in this campaign.</summary>
    public static bool IsFinal(this RefusalReason reason) =>
        reason is RefusalReason.Dnc or RefusalReason.MaxAttempts or RefusalReason.UnknownTimeZone;
}
