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
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Refusals after which the lead will never become callable again in this campaign.</summary>
    public static bool IsFinal(this RefusalReason reason) =>
        reason is RefusalReason.Dnc or RefusalReason.MaxAttempts or RefusalReason.UnknownTimeZone;
}
