using System.Text.Json;
using Dapper;
using Outbound.Cli.Tests.Support;
using Outbound.Testing;

namespace Outbound.Cli.Tests.Bench;

/// <summary><c>outbound bench hopper</c> run as a process on a small campaign.</summary>
public sealed class HopperBenchTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    [Fact]
    public async Task Prints_the_lease_times_as_one_json_object_and_leaves_no_scratch_campaign_behind()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(db.ConnectionString, "bench", "hopper", "--leads", "3000", "--leases", "12", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["leads", "leases", "median_ms", "p99_ms"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3000, json.RootElement.GetProperty("leads").GetInt32());
        Assert.Equal(12, json.RootElement.GetProperty("leases").GetInt32());
        var median = json.RootElement.GetProperty("median_ms").GetDouble();
        Assert.InRange(median, 0.01, json.RootElement.GetProperty("p99_ms").GetDouble());
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM tenants WHERE code LIKE 'bench-hopper-%'"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM campaigns WHERE code LIKE 'bench-hopper-%'"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM leads WHERE name LIKE 'bench %'"));
    }

    [Fact]
    public async Task Too_few_leases_is_a_usage_error()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(db.ConnectionString, "bench", "hopper", "--leads", "10", "--leases", "0", "--json");

        Assert.Equal(2, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("--leases", stderr);
    }
}
