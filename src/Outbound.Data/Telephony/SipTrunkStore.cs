using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Outbound.Data.Telephony;

/// <summary>
/// The carrier trunk's settings. The password goes in encrypted with ASP.NET Core Data Protection under its own
/// purpose and never comes out again except to the dialer (<see cref="LoadForDialingAsync"/>): pages only learn
/// whether one is set.
/// </summary>
public sealed class SipTrunkStore(NpgsqlDataSource dataSource, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Outbound.Telephony.SipTrunk.Password.v1");

    public async Task<SipTrunkRecord?> GetAsync(CancellationToken ct = default) => (await ReadAsync(ct))?.ToRecord();

    public async Task<SipTrunkWithSecret?> LoadForDialingAsync(CancellationToken ct = default)
    {
        if (await ReadAsync(ct) is not { } row) return null;
        if (row.PasswordProtected is null) return new SipTrunkWithSecret(row.ToRecord(), null, false);
        try
        {
            return new SipTrunkWithSecret(row.ToRecord(), _protector.Unprotect(row.PasswordProtected), false);
        }
        catch (CryptographicException)
        {
            return new SipTrunkWithSecret(row.ToRecord(), null, true);
        }
    }

    /// <summary>Saves the settings; <paramref name="newPassword"/> null keeps the stored one, <paramref name="clearPassword"/> removes it.</summary>
    public async Task SaveAsync(SipTrunkRecord trunk, string? newPassword, bool clearPassword, string updatedBy, CancellationToken ct = default)
    {
        var protectedPassword = string.IsNullOrEmpty(newPassword) ? null : _protector.Protect(newPassword);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sip_trunk (id, host, port, transport, username, password_protected, realm, caller_id, options_interval_seconds, updated_at, updated_by)
            VALUES (1, @Host, @Port, @Transport, @Username, @protectedPassword, @Realm, @CallerId, @OptionsIntervalSeconds, @at, @updatedBy)
            ON CONFLICT (id) DO UPDATE SET
                host = excluded.host, port = excluded.port, transport = excluded.transport, username = excluded.username,
                password_protected = CASE WHEN @clear THEN NULL ELSE COALESCE(excluded.password_protected, sip_trunk.password_protected) END,
                realm = excluded.realm, caller_id = excluded.caller_id, options_interval_seconds = excluded.options_interval_seconds,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, new
        {
            trunk.Host, trunk.Port, trunk.Transport, Username = Blank(trunk.Username), protectedPassword, Realm = Blank(trunk.Realm), trunk.CallerId,
            trunk.OptionsIntervalSeconds, at = time.GetUtcNow().UtcDateTime, updatedBy, clear = clearPassword && protectedPassword is null,
        }, cancellationToken: ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<Row?> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT host, port, transport, username, password_protected AS PasswordProtected, realm, caller_id AS CallerId,
                   options_interval_seconds AS OptionsIntervalSeconds, updated_at AS UpdatedAt, updated_by AS UpdatedBy
            FROM sip_trunk WHERE id = 1
            """, cancellationToken: ct));
    }

    private sealed record Row(string Host, int Port, string Transport, string? Username, string? PasswordProtected, string? Realm, string CallerId,
        int OptionsIntervalSeconds, DateTime UpdatedAt, string? UpdatedBy)
    {
        public SipTrunkRecord ToRecord() => new(Host, Port, Transport, Username, Realm, CallerId, OptionsIntervalSeconds, PasswordProtected is not null,
            new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)), UpdatedBy);
    }
}
