using Dapper;
using Npgsql;

namespace Outbound.Data.Desk;

public sealed record SupervisorAction(string Supervisor, string Agent, string Action, string? Reason, DateTime At);

/// <summary>Every supervisor intervention on an agent, with who and when (<c>supervisor_actions</c>).</summary>
public sealed class SupervisorActionLog(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(string supervisor, string agent, string action, string? reason, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO supervisor_actions (supervisor, agent, action, reason, at) VALUES (@supervisor, @agent, @action, @reason, @at)",
            new { supervisor, agent, action, reason, at = at.UtcDateTime }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SupervisorAction>> RecentAsync(int limit = 50, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SupervisorAction>(new CommandDefinition(
            "SELECT supervisor, agent, action, reason, at FROM supervisor_actions ORDER BY id DESC LIMIT @limit",
            new { limit }, cancellationToken: ct))).ToList();
    }
}
