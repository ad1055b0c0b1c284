using System.ComponentModel.DataAnnotations;

namespace Outbound.Telephony.Sip.Dialogs;

/// <summary>
/// Session timers (RFC 4028), bound from <c>Outbound:Telephony:Sip:SessionTimers</c>: every call we answer or place
/// asks for (or accepts) a session interval; the side chosen as refresher re-INVITEs at half of it, and a dialog not
/// refreshed in time is ended with BYE, so a lost BYE or a dead peer cannot leave a call open forever.
/// </summary>
public sealed record SessionTimerOptions
{
    /// <summary>The option tag of the extension (RFC 4028 §3).</summary>
    public const string OptionTag = "timer";

    public bool Enabled { get; init; } = true;
    /// <summary>The session interval we ask for and at most grant (RFC 4028 recommends 1800 s).</summary>
    public TimeSpan SessionExpires { get; init; } = TimeSpan.FromSeconds(1800);
    /// <summary>The shortest interval we accept; shorter requests get 422 (never below 90 s, RFC 4028 §4).</summary>
    public TimeSpan MinSe { get; init; } = TimeSpan.FromSeconds(90);

    public static readonly SessionTimerOptions Default = new();

    public long SessionExpiresSeconds => (long)SessionExpires.TotalSeconds;
    public long MinSeSeconds => (long)MinSe.TotalSeconds;

    public IReadOnlyList<string> Problems() =>
        MinSe < TimeSpan.FromSeconds(90) || SessionExpires < MinSe
            ? [$"{nameof(MinSe)} must be at least 90 s and {nameof(SessionExpires)} at least {nameof(MinSe)} (RFC 4028 §4)"]
            : [];
}
