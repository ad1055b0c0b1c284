using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Outbound.Data.Database;

namespace Outbound.Testing;

/// <summary>
/// A real, throwaway PostgreSQL database with every migration applied. <c>ops/test</c> starts a
/// private cluster and exports <c>OUTBOUND_TEST_PG</c> (a connection string to its maintenance
/// database); each instance creates its own database there and drops it when disposed.
/// Use it as an xUnit class fixture, or create one per test where isolation matters. Databases are cloned from a migrated
/// template that the first test process to need it builds on the server, once per set of migrations.
/// </summary>
public sealed class PgTestDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "OUTBOUND_TEST_PG";

    private readonly string _name = "t_" + Guid.NewGuid().ToString("N")[..20];
    private readonly string? _server;
    private NpgsqlDataSource? _dataSource;

    // xUnit builds class fixtures through their one public constructor.
    public PgTestDatabase() { }

    private PgTestDatabase(string server) => _server = server;

    /// <param name="server">A connection string to the maintenance database of another cluster (a <see cref="PrivatePgCluster"/>).</param>
    public static PgTestDatabase On(string server) => new(server);

    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not initialised.");

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable)
        ?? throw new InvalidOperationException(
            $"{EnvironmentVariable} is not set: run the tests through ops/test, or 'ops/pg up' and export {EnvironmentVariable}=\"$(ops/pg url postgres)\".");

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_server ?? ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_name}\" TEMPLATE \"{await TemplateAsync(admin, _server ?? ServerConnectionString)}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_server ?? ServerConnectionString) { Database = _name }.ConnectionString;
        _dataSource = OutboundDataSource.Create(ConnectionString);
        await new DatabaseMigrator(_dataSource).MigrateAsync();
    }

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly Dictionary<string, string> Templates = [];
    private const long TemplateLockKey = 0x746D706C; // "tmpl"

    /// <summary>The name of the server's migrated template for the embedded migrations, built here if no process has built it yet.</summary>
    private static async Task<string> TemplateAsync(NpgsqlConnection admin, string server)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (Templates.TryGetValue(server, out var known)) return known;
            var name = "tmpl_" + MigrationsHash();
            await ExecuteAsync(admin, $"SELECT pg_advisory_lock({TemplateLockKey})"); // test processes running side by side
            try
            {
                await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", admin);
                exists.Parameters.AddWithValue("name", name);
                if (!(bool)(await exists.ExecuteScalarAsync())!)
                {
                    // Built under another name and renamed when complete, so no process ever clones a half-migrated template.
                    var building = "tmpl_building_" + Guid.NewGuid().ToString("N")[..12];
                    await ExecuteAsync(admin, $"CREATE DATABASE \"{building}\"");
                    var connection = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ConnectionString;
                    await using (var source = OutboundDataSource.Create(connection))
                        await new DatabaseMigrator(source).MigrateAsync();
                    await ExecuteAsync(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            finally
            {
                await ExecuteAsync(admin, $"SELECT pg_advisory_unlock({TemplateLockKey})");
            }
            Templates[server] = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static string MigrationsHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join("\n", DatabaseMigrator.Embedded.OrderBy(m => m.Version).Select(m => $"{m.Version}:{m.Sql}")))))[..24];

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server ?? ServerConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}
