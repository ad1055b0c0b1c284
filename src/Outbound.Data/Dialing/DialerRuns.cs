using Npgsql;
using Outbound.Core.Campaigns;

namespace Outbound.Data.Dialing;

/// <summary>
/// One lifetime of a dialer process on a node. Everything the run holds is keyed by its id — its leases
/// (<see cref="OwnerFor"/>), calls in flight, inbound calls and agent sessions — so that, once the run is known to be
/// dead, the next start (or another node) can close exactly its work and nothing of a live run's.
/// </summary>
public sealed record DialerRun(string Id, string Node)
{
    public static DialerRun Start(string node) => new(Guid.CreateVersion7().ToString("N"), node);

    /// <summary>The lease owner of one campaign in this run: stable while the run lives (a restarted actor keeps its leases).</summary>
    public string OwnerFor(CampaignId campaign) => $"{Id}/{campaign.Value:N}";

    /// <summary>The run part of a lease owner (owners of older versions have none and are their own run).</summary>
    public static string RunOf(string owner) => owner.Split('/')[0];
}

/// <summary>A run that is over and whose interrupted work is still to be closed; <see cref="EndedAt"/> is its last sign of life.</summary>
public sealed record DeadRun(string Id, string Node, DateTimeOffset EndedAt, string Reason);

/// <summary><c>dialer_runs</c>: registration, heartbeats, and which runs are dead and not yet recovered.</summary>
public sealed class DialerRuns(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Registers <paramref name="run"/> and ends the node's earlier runs that never ended (they crashed): each at its last
    /// heartbeat, or at <paramref name="lastSeen"/> when it is the run the node's own heartbeat file last named (written
    /// more often than the database's). Registering again is harmless.
    /// </summary>
    public async Task<IReadOnlyList<string>> RegisterAsync(DialerRun run, DateTimeOffset now, (string Run, DateTimeOffset At)? lastSeen = null,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var crashed = new List<string>();
        await using (var end = new NpgsqlCommand("""
            UPDATE dialer_runs SET end_reason = 'crashed',
                   ended_at = CASE WHEN id = @seenRun THEN greatest(heartbeat_at, @seenAt) ELSE heartbeat_at END
            WHERE node = @node AND ended_at IS NULL AND id <> @id
            RETURNING id
            """, connection, tx))
        {
            end.Parameters.AddWithValue("node", run.Node);
            end.Parameters.AddWithValue("id", run.Id);
            end.Parameters.AddWithValue("seenRun", lastSeen?.Run ?? "");
            end.Parameters.AddWithValue("seenAt", (lastSeen?.At ?? DateTimeOffset.MinValue).ToUniversalTime());
            await using var reader = await end.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) crashed.Add(reader.GetString(0));
        }
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO dialer_runs (id, node, started_at, heartbeat_at) VALUES (@id, @node, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, connection, tx))
        {
            insert.Parameters.AddWithValue("id", run.Id);
            insert.Parameters.AddWithValue("node", run.Node);
            insert.Parameters.AddWithValue("now", now.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return crashed;
    }

    /// <summary>The run is alive at <paramref name="now"/>; false when it was ended meanwhile (declared lost by another node).</summary>
    public async Task<bool> HeartbeatAsync(DialerRun run, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE dialer_runs SET heartbeat_at = greatest(heartbeat_at, @now) WHERE id = @id AND ended_at IS NULL");
        cmd.Parameters.AddWithValue("id", run.Id);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>A graceful stop: everything the run held was closed or written before.</summary>
    public async Task EndAsync(DialerRun run, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE dialer_runs SET ended_at = @now, heartbeat_at = greatest(heartbeat_at, @now), end_reason = 'stopped'
            WHERE id = @id AND ended_at IS NULL
            """);
        cmd.Parameters.AddWithValue("id", run.Id);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs of any node silent for longer than <paramref name="silence"/> are over ('lost', at their last heartbeat).</summary>
    public async Task<IReadOnlyList<string>> DeclareLostAsync(DateTimeOffset now, TimeSpan silence, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE dialer_runs SET ended_at = heartbeat_at, end_reason = 'lost'
            WHERE ended_at IS NULL AND heartbeat_at < @before
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("before", (now - silence).ToUniversalTime());
        var lost = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) lost.Add(reader.GetString(0));
        return lost;
    }

    /// <summary>Ended runs whose interrupted work has not been closed yet, oldest first.</summary>
    public async Task<IReadOnlyList<DeadRun>> UnrecoveredAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, node, ended_at, end_reason FROM dialer_runs
            WHERE ended_at IS NOT NULL AND recovered_at IS NULL ORDER BY ended_at
            """);
        var runs = new List<DeadRun>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            runs.Add(new DeadRun(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        return runs;
    }

    public async Task MarkRecoveredAsync(string runId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE dialer_runs SET recovered_at = @now WHERE id = @id");
        cmd.Parameters.AddWithValue("id", runId);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
