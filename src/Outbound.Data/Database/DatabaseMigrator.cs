using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Outbound.Data.Database;

/// <summary>
/// Applies the versioned SQL scripts embedded under <c>Migrations/</c> (<c>NNNN_name.sql</c>) in
/// version order, each in its own transaction, under an advisory lock so that a web host and a CLI
/// started together never race. Applied versions are recorded in <c>schema_migrations</c>.
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource)
{
    private const long AdvisoryLockKey = 0x4F7574626F756E64; // "Outbound"

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, "SELECT pg_advisory_lock(@k)", ct, ("k", AdvisoryLockKey));
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    int PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new HashSet<int>();
            await using (var cmd = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetInt32(0));

            var done = new List<Migration>();
            foreach (var migration in Embedded.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(migration.Sql, connection, tx))
                    await cmd.ExecuteNonQueryAsync(ct);
                await using (var cmd = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, name) VALUES (@v, @n)", connection, tx))
                {
                    cmd.Parameters.AddWithValue("v", migration.Version);
                    cmd.Parameters.AddWithValue("n", migration.Name);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(migration);
            }
            // Types created by a migration (enums, composites) must be known to pooled connections.
            if (done.Count > 0) await connection.ReloadTypesAsync(ct);
            return done;
        }
        finally
        {
            await Execute(connection, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", AdvisoryLockKey));
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ScriptName().Match(resource);
            if (!match.Success) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        var clash = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new InvalidOperationException($"Two migrations share version {clash.Key}: {string.Join(", ", clash.Select(m => m.Name))}");
        return migrations.OrderBy(m => m.Version).ToList();
    }

    [GeneratedRegex(@"Migrations\.(\d{4})_(\w+)\.sql$")]
    private static partial Regex ScriptName();
}

public sealed record Migration(int Version, string Name, string Sql);
