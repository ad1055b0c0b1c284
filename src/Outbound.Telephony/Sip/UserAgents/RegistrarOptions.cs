namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// Registration limits (RFC 3261 §10.3 steps 7–8): shorter requests get 423 with Min-Expires; more than
/// <see cref="MaxContactsPerAor"/> live contacts for one address-of-record get 503, which also keeps the 200 listing
/// them small enough for a datagram.
/// </summary>
public sealed record RegistrarOptions(TimeSpan MinExpires, TimeSpan MaxExpires, TimeSpan DefaultExpires, int MaxContactsPerAor = 10)
{
    public static readonly RegistrarOptions Default = new(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1), TimeSpan.FromHours(1));
}
