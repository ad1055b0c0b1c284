using System.Collections.Frozen;
using Outbound.Telephony.Sip.Auth;

namespace Outbound.Telephony.SipAdapter;

/// <summary>
/// An agent's SIP account: the dialer's agent id, the username the phone registers with, and the digest HA1s
/// (H(username:realm:password), MD5 and SHA-256) in the realm they were made for — never the password.
/// </summary>
public sealed record SipAgentAccount(string AgentId, string Username, string Realm, string Ha1Md5, string Ha1Sha256)
{
    public static SipAgentAccount FromPassword(string agentId, string username, string realm, string password) => new(
        agentId, username, realm,
        DigestCalculator.Ha1(DigestAlgorithm.Md5, username, realm, password),
        DigestCalculator.Ha1(DigestAlgorithm.Sha256, username, realm, password));
}

/// <summary>
/// The agents' accounts the registrar and the adapter look up on every REGISTER and login: an immutable
/// snapshot, swapped whole when the host reloads it from the database, so lookups never lock.
/// </summary>
public sealed class SipAgentDirectory
{
    private volatile Snapshot _snapshot = new(FrozenDictionary<string, SipAgentAccount>.Empty, FrozenDictionary<string, SipAgentAccount>.Empty);

    public SipAgentDirectory(IEnumerable<SipAgentAccount>? accounts = null)
    {
        if (accounts is not null) Replace(accounts);
    }

    public int Count => _snapshot.ByAgent.Count;

    public void Replace(IEnumerable<SipAgentAccount> accounts)
    {
        var list = accounts.ToList();
        _snapshot = new Snapshot(
            list.ToFrozenDictionary(a => a.AgentId, StringComparer.Ordinal),
            list.ToFrozenDictionary(a => a.Username, StringComparer.OrdinalIgnoreCase));
    }

    public SipAgentAccount? ForAgent(string agentId) => _snapshot.ByAgent.GetValueOrDefault(agentId);

    public SipAgentAccount? ForUsername(string username) => _snapshot.ByUsername.GetValueOrDefault(username);

    /// <summary>The HA1 for a REGISTER in <paramref name="realm"/>; null for an unknown user or one hashed for another realm.</summary>
    public string? Ha1(string username, string realm, DigestAlgorithm algorithm) =>
        _snapshot.ByUsername.GetValueOrDefault(username) is { } account && account.Realm == realm
            ? algorithm == DigestAlgorithm.Sha256 ? account.Ha1Sha256 : account.Ha1Md5
            : null;

    private sealed record Snapshot(FrozenDictionary<string, SipAgentAccount> ByAgent, FrozenDictionary<string, SipAgentAccount> ByUsername);
}
