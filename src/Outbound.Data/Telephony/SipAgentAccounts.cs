using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Outbound.Data.Telephony;

/// <summary>An agent's SIP account as the admin sees it (no hashes).</summary>
public sealed record SipAgentAccountRecord(string Agent, string Username, string Realm, bool Enabled, DateTimeOffset UpdatedAt);

/// <summary>What the registrar needs for an enabled account: the HA1s in the realm they were made for.</summary>
public sealed record SipAgentCredentials(string Agent, string Username, string Realm, string Ha1Md5, string Ha1Sha256);

public enum SipAccountSaveResult { Saved, UsernameTaken }

/// <summary>
/// Agents' SIP accounts. The password is hashed into the two digest HA1s (MD5 and SHA-256 of
/// username:realm:password, RFC 7616 §3.4.2) on the way in and then forgotten; as the HA1 binds username and
/// realm, changing either takes a new password.
/// </summary>
public sealed class SipAgentAccounts(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<IReadOnlyList<SipAgentAccountRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Agent, string Username, string Realm, bool Enabled, DateTime UpdatedAt)>(new CommandDefinition(
            "SELECT agent, username, realm, enabled, updated_at FROM sip_agent_accounts ORDER BY agent", cancellationToken: ct));
        return rows.Select(r => new SipAgentAccountRecord(r.Agent, r.Username, r.Realm, r.Enabled, new DateTimeOffset(DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc))))
            .ToList();
    }

    /// <summary>The enabled accounts with their hashes, for the registrar's directory.</summary>
    public async Task<IReadOnlyList<SipAgentCredentials>> LoadForRegistrarAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Agent, string Username, string Realm, string Ha1Md5, string Ha1Sha256)>(new CommandDefinition(
            "SELECT agent, username, realm, ha1_md5, ha1_sha256 FROM sip_agent_accounts WHERE enabled ORDER BY agent", cancellationToken: ct));
        return rows.Select(r => new SipAgentCredentials(r.Agent, r.Username, r.Realm, r.Ha1Md5, r.Ha1Sha256)).ToList();
    }

    /// <summary>Creates the agent's account or gives it a new username and password; the account is enabled.</summary>
    public async Task<SipAccountSaveResult> SaveAsync(string agent, string username, string realm, string password, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO sip_agent_accounts (agent, username, realm, ha1_md5, ha1_sha256, enabled, updated_at)
                VALUES (@agent, @username, @realm, @md5, @sha256, true, @at)
                ON CONFLICT (agent) DO UPDATE SET username = excluded.username, realm = excluded.realm, ha1_md5 = excluded.ha1_md5,
                    ha1_sha256 = excluded.ha1_sha256, enabled = true, updated_at = excluded.updated_at
                """, new
            {
                agent, username, realm,
                md5 = Ha1(MD5.HashData, username, realm, password), sha256 = Ha1(SHA256.HashData, username, realm, password),
                at = time.GetUtcNow().UtcDateTime,
            }, cancellationToken: ct));
            return SipAccountSaveResult.Saved;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return SipAccountSaveResult.UsernameTaken;
        }
    }

    /// <summary>A disabled account keeps its hashes but the registrar no longer knows it.</summary>
    public async Task<bool> SetEnabledAsync(string agent, bool enabled, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sip_agent_accounts SET enabled = @enabled, updated_at = @at WHERE agent = @agent",
            new { agent, enabled, at = time.GetUtcNow().UtcDateTime }, cancellationToken: ct)) == 1;
    }

    /// <summary>H(username:realm:password) in lower-case hex, as digest authentication defines it.</summary>
    public static string Ha1(Func<byte[], byte[]> hash, string username, string realm, string password) =>
        Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes($"{username}:{realm}:{password}")));
}
