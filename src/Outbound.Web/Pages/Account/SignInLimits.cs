using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace Outbound.Web.Pages.Account;

/// <summary>
/// How hard sign-in is to guess at (<c>Outbound:SignIn</c>). A source is an IP address (an IPv6 /64, which one host
/// can rotate through), as seen after a trusted proxy's X-Forwarded-For. Attempts beyond a burst wait in a queue for
/// the next permit, so a floor of agents behind one office address at shift start is slowed, not turned away, while a
/// script gets one attempt every few seconds and then 429.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "Outbound:SignIn";

    /// <summary>Attempts one source may make at once, then one every <see cref="SourceInterval"/>; <see cref="SourceQueue"/> more wait their turn.</summary>
    public int SourceBurst { get; set; } = 20;
    public TimeSpan SourceInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int SourceQueue { get; set; } = 20;

    /// <summary>Attempts on one account (from anywhere, existing or not) at once, then one every <see cref="AccountInterval"/>; browsers where the account signed in before are not counted.</summary>
    public int AccountBurst { get; set; } = 10;
    public TimeSpan AccountInterval { get; set; } = TimeSpan.FromSeconds(6);
    public int AccountQueue { get; set; } = 10;

    /// <summary>Wrong passwords in a row for one account from one source before that source may not try that account for <see cref="Lockout"/>.</summary>
    public int FailuresBeforeLockout { get; set; } = 5;
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A bucket of <paramref name="burst"/> attempts, refilled one every <paramref name="interval"/>; <paramref name="queue"/> more wait their turn, oldest first.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int burst, TimeSpan interval, int queue) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = interval,
        QueueLimit = queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    /// <summary>The partition key of a request's source.</summary>
    public static string SourceOf(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } v6 => Prefix64(v6),
        var address => address.MapToIPv4().ToString(),
    };

    private static string Prefix64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
