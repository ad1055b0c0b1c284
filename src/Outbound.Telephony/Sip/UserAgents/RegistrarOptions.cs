namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>Registration limits (RFC 3261 §10.3 steps 7–8): shorter requests get 423 with Min-Expires.</summary>
public sealed record RegistrarOptions(TimeSpan MinExpires, TimeSpan MaxExpires, TimeSpan DefaultExpires)
{
    public static readonly RegistrarOptions Default = new(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1), TimeSpan.FromHours(1));
}
