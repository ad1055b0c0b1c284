using Microsoft.Extensions.Configuration;

namespace Outbound.Dialer.Hosting;

/// <summary><c>Outbound:Telephony:Adapter</c>: <c>Simulated</c> (the default, what ops/run uses) or <c>Sip</c> (a real trunk and phones).</summary>
public static class TelephonyAdapterChoice
{
    public const string Key = "Outbound:Telephony:Adapter";
    public const string Simulated = nameof(Simulated);
    public const string Sip = nameof(Sip);

    public static bool IsSip(IConfiguration configuration) => configuration[Key] switch
    {
        null or "" => false,
        var v when v.Equals(Simulated, StringComparison.OrdinalIgnoreCase) => false,
        var v when v.Equals(Sip, StringComparison.OrdinalIgnoreCase) => true,
        var v => throw new InvalidOperationException($"{Key} is '{v}': use {Simulated} or {Sip}."),
    };
}
