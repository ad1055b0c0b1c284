using Npgsql;
using Outbound.Data.Database;

namespace Outbound.Cli;

/// <summary>The database the CLI works on: <c>OUTBOUND_DB</c>, which ops/outbound sets from <c>ops/pg url</c>.</summary>
public static class CliDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("OUTBOUND_DB")
        ?? Environment.GetEnvironmentVariable("ConnectionStrings__Outbound")
        ?? throw new CliUsageException("OUTBOUND_DB is not set (ops/outbound sets it from 'ops/pg url').");

    public static NpgsqlDataSource Open() => OutboundDataSource.Create(ConnectionString);

    /// <summary>Runs a bench's scratch SQL (setting up or removing a million rows) with no command timeout.</summary>
    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }
}
