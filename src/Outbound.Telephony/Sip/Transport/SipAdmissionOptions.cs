using System.ComponentModel.DataAnnotations;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// Overload control for new calls (bound from <c>Outbound:Telephony:Sip:Admission</c>), after RFC 7339's idea that a
/// server must shed new work early and cheaply rather than let every call slow down: a new INVITE that waited longer
/// than <see cref="MaxQueueDelay"/> before we could look at it, or that exceeds <see cref="MaxNewCallsPerSecond"/>, gets
/// 503 with Retry-After at once. Requests inside dialogs, ACK, BYE and CANCEL are never shed.
/// </summary>
public sealed record SipAdmissionOptions
{
    /// <summary>Longest a new INVITE may wait in our inbox and still be taken; well under the 500 ms after which callers retransmit.</summary>
    public TimeSpan MaxQueueDelay { get; init; } = TimeSpan.FromMilliseconds(150);
    /// <summary>A ceiling on new calls per second (token bucket); 0: none, only the queueing delay decides.</summary>
    [Range(0, 1_000_000)] public double MaxNewCallsPerSecond { get; init; }
    /// <summary>How many calls above the rate a burst may bring at once.</summary>
    [Range(1, 1_000_000)] public int Burst { get; init; } = 100;
    /// <summary>The Retry-After a shed call is given.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public static readonly SipAdmissionOptions Default = new();

    public IReadOnlyList<string> Problems() =>
        MaxQueueDelay <= TimeSpan.Zero || RetryAfter < TimeSpan.Zero ? [$"{nameof(MaxQueueDelay)} must be positive and {nameof(RetryAfter)} not negative"] : [];
}
