namespace Outbound.Data.Telephony;

/// <summary>The stored trunk as the admin sees it: everything but the password, of which only its presence shows.</summary>
public sealed record SipTrunkRecord(
    string Host,
    int Port,
    string Transport,
    string? Username,
    string? Realm,
    string CallerId,
    int OptionsIntervalSeconds,
    bool HasPassword = false,
    DateTimeOffset? UpdatedAt = null,
    string? UpdatedBy = null)
{
    public static readonly IReadOnlyList<string> Transports = ["udp", "tcp"];
}

/// <summary>The trunk with its password decrypted, for the dialer only. <see cref="SecretUnreadable"/>: the key that protected it is gone.</summary>
public sealed record SipTrunkWithSecret(SipTrunkRecord Trunk, string? Password, bool SecretUnreadable);
