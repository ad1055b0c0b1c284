using Npgsql;
using Outbound.Data.Database;

namespace Outbound.Testing;

/// <summary>
/// A real, throwaway PostgreSQL database with every migration applied. <c>ops/test</c> starts a
/// private cluster and exports <c>OUTBOUND_TEST_PG</c> (a connection string to its maintenance
/// database); each instance creates its own database there and drops it when disposed.
/// Use it as an xUnit class fixture, or create one per test where isolation matters.
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
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_server ?? ServerConnectionString) { Database = _name }.ConnectionString;
        _dataSource = OutboundDataSource.Create(ConnectionString);
        await new DatabaseMigrator(_dataSource).MigrateAsync();
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
