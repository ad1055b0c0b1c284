using Npgsql;

namespace Outbound.Testing;

/// <summary>Bare Identity user rows, for tests that need a staff record (which must name a real user) but no login.</summary>
public static class TestUsers
{
    public static async Task InsertAsync(NpgsqlDataSource dataSource, Guid id, string? userName = null, string? displayName = null)
    {
        userName ??= $"u{id:N}@test.local";
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                               phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES (@id, @display, @name, upper(@name), @name, upper(@name), true, false, false, false, 0)
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("name", userName);
        cmd.Parameters.AddWithValue("display", displayName ?? userName);
        await cmd.ExecuteNonQueryAsync();
    }
}
