using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Data.Durable;

namespace Outbound.Data.Dialing;

/// <summary>
/// An agent logged in: a row of <c>agent_sessions</c> (HR attendance and occupancy read them), carrying the dialer run
/// that holds it, so that a session a crash left open is closed at the next start.
/// </summary>
public sealed record AgentSessionStarted(Guid SessionId, string Agent, CampaignId? Campaign, DateTimeOffset At, string? RunId) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO agent_sessions (id, agent, campaign_id, logged_in_at, run_id) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO NOTHING
            """);
        insert.Parameters.Add(new() { Value = SessionId });
        insert.Parameters.Add(new() { Value = Agent });
        insert.Parameters.Add(JournalParameters.Uuid(Campaign?.Value));
        insert.Parameters.Add(JournalParameters.Time(At));
        insert.Parameters.Add(JournalParameters.Text(RunId));
        batch.BatchCommands.Add(insert);
    }
}

/// <summary>One state change of a session (ready, reserved, on call …); <see cref="EventId"/> keeps it once however often it is replayed.</summary>
public sealed record AgentStateRecorded(Guid EventId, Guid SessionId, string Agent, string State, string? Reason, DateTimeOffset At) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO agent_state_events (event_id, session_id, agent, state, reason, at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (event_id) DO NOTHING
            """);
        insert.Parameters.Add(new() { Value = EventId });
        insert.Parameters.Add(new() { Value = SessionId });
        insert.Parameters.Add(new() { Value = Agent });
        insert.Parameters.Add(new() { Value = State });
        insert.Parameters.Add(JournalParameters.Text(Reason));
        insert.Parameters.Add(JournalParameters.Time(At));
        batch.BatchCommands.Add(insert);
    }
}

/// <summary>The session ended (logout, phone lost, shutdown); a session already closed keeps its first ending.</summary>
public sealed record AgentSessionEnded(Guid SessionId, DateTimeOffset At, string Reason) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var update = new NpgsqlBatchCommand(
            "UPDATE agent_sessions SET logged_out_at = $2, logout_reason = $3 WHERE id = $1 AND logged_out_at IS NULL");
        update.Parameters.Add(new() { Value = SessionId });
        update.Parameters.Add(JournalParameters.Time(At));
        update.Parameters.Add(new() { Value = Reason });
        batch.BatchCommands.Add(update);
    }
}

/// <summary>One agent-to-agent call (内部呼叫); <see cref="AnsweredAt"/> is null when the colleague never picked up.</summary>
public sealed record InternalCallRecord(string CallerAgent, string CalleeAgent, DateTimeOffset PlacedAt, DateTimeOffset? AnsweredAt, DateTimeOffset EndedAt, string Outcome);

public sealed record InternalCallRecorded(Guid RecordId, InternalCallRecord Call) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO internal_calls (record_id, caller_agent, callee_agent, placed_at, answered_at, ended_at, outcome)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (record_id) DO NOTHING
            """);
        insert.Parameters.Add(new() { Value = RecordId });
        insert.Parameters.Add(new() { Value = Call.CallerAgent });
        insert.Parameters.Add(new() { Value = Call.CalleeAgent });
        insert.Parameters.Add(JournalParameters.Time(Call.PlacedAt));
        insert.Parameters.Add(JournalParameters.Time(Call.AnsweredAt));
        insert.Parameters.Add(JournalParameters.Time(Call.EndedAt));
        insert.Parameters.Add(new() { Value = Call.Outcome });
        batch.BatchCommands.Add(insert);
    }
}
