using Npgsql;

namespace Outbound.Data.Database;

/// <summary>Builds the process's single <see cref="NpgsqlDataSource"/> with the mappings every feature relies on.</summary>
public static class OutboundDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.EnableDynamicJson();
        return builder.Build();
    }
}
