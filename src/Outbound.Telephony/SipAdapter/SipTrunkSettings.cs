using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.SipAdapter;

/// <summary>
/// The carrier trunk every customer call goes to: where it is, how to reach it, the digest account the carrier
/// gave us (answered for 401 and 407; only for <see cref="Realm"/> when set), the caller id presented when a
/// campaign sets none, and how often OPTIONS probes it (zero: never, the trunk is then always taken as up).
/// </summary>
public sealed record SipTrunkSettings
{
    public required string Host { get; init; }
    public int Port { get; init; } = 5060;
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? Realm { get; init; }
    public required string CallerId { get; init; }
    public TimeSpan OptionsInterval { get; init; } = TimeSpan.FromSeconds(30);

    public SipCredentials? Credentials =>
        string.IsNullOrEmpty(Username) ? null : new SipCredentials(Username, Password ?? string.Empty, string.IsNullOrEmpty(Realm) ? null : Realm);
}
