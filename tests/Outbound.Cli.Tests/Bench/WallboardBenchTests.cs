using Dapper;
using Outbound.Cli.Bench;
using Outbound.Testing;

namespace Outbound.Cli.Tests.Bench;

/// <summary>The wallboard bench on a real in-process host: every state change of every agent reaches the supervisor's client.</summary>
public sealed class WallboardBenchTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    [Fact]
    public async Task Every_agent_state_change_reaches_the_wallboard_client_and_the_bench_leaves_no_supervisor_behind()
    {
        var result = await new WallboardBench(db.ConnectionString, agents: 20, rounds: 2, roundLength: TimeSpan.FromSeconds(1)).RunAsync();

        Assert.Equal(20, result.Agents);
        Assert.Equal(40, result.Expected);
        Assert.Equal(40, result.Updates);
        Assert.InRange(result.P50Milliseconds, 0, result.P99Milliseconds);
        Assert.InRange(result.P99Milliseconds, result.P50Milliseconds, result.MaxMilliseconds);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE email LIKE 'bench-wallboard-%'"));
        // The changes went through real agent sessions: their states are in the agent log.
        Assert.True(await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM agent_state_events e JOIN agent_sessions s ON s.id = e.session_id WHERE s.agent LIKE 'bench-wallboard-agent-%'") >= 60);
    }
}
