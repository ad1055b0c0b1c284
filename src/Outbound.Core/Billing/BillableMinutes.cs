namespace Outbound.Core.Billing;

/// <summary>
/// Telephony is billed per started minute of each answered call, as Chinese carriers bill
/// (a 61-second call is two minutes). The statement's SQL sums the same rule; tests hold them together.
/// </summary>
public static class BillableMinutes
{
    public static long Of(TimeSpan answeredDuration) =>
        answeredDuration <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(answeredDuration.TotalSeconds / 60.0);

    public static long Of(DateTimeOffset? answeredAt, DateTimeOffset endedAt) =>
        answeredAt is { } a ? Of(endedAt - a) : 0;
}
