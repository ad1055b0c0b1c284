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
}
