using Npgsql;
using NpgsqlTypes;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;

namespace Outbound.Data.Desk;

/// <summary>
/// An inbound caller reached a queue: the row is written at arrival (outcome <c>in_progress</c>, no end yet), with the
/// run that holds the call, so that a crash mid-call leaves a trace that the next start closes as interrupted.
/// </summary>
public sealed record InboundCallArrived(
    Guid Id, TenantId TenantId, CampaignId CampaignId, string CallerNumber, LeadId? LeadId, int Priority, string? Skill, DateTimeOffset ArrivedAt,
    string? RunId) : DurableRecord
{
    public const string InProgress = "in_progress";

    internal override void AddTo(NpgsqlBatch batch)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO inbound_calls (id, tenant_id, campaign_id, caller_number, lead_id, priority, skill, arrived_at, outcome, run_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (id) DO NOTHING
            """);
        var p = insert.Parameters;
        p.Add(new() { Value = Id });
        p.Add(new() { Value = TenantId.Value });
        p.Add(new() { Value = CampaignId.Value });
        p.Add(new() { Value = CallerNumber });
        p.Add(new() { Value = (object?)LeadId?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        p.Add(new() { Value = Priority });
        p.Add(JournalParameters.Text(Skill));
        p.Add(JournalParameters.Time(ArrivedAt));
        p.Add(new() { Value = InProgress });
        p.Add(JournalParameters.Text(RunId));
        batch.BatchCommands.Add(insert);
    }
}

/// <summary>The caller was bridged to an agent: noted while the call lasts, so that a crash keeps who had the caller.</summary>
public sealed record InboundCallConnected(Guid Id, DateTimeOffset ConnectedAt, string Agent) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var update = new NpgsqlBatchCommand(
            "UPDATE inbound_calls SET connected_at = coalesce(connected_at, $2), agent = $3 WHERE id = $1 AND ended_at IS NULL");
        update.Parameters.Add(new() { Value = Id });
        update.Parameters.Add(JournalParameters.Time(ConnectedAt));
        update.Parameters.Add(new() { Value = Agent });
        batch.BatchCommands.Add(update);
    }
}

/// <summary>
/// The inbound call is over: its whole row, inserted or completing the row written at arrival (in the IVR or the queue:
/// a caller the IVR passes to a queue keeps one row, with the queue's arrival). A recording once named stays (recordings
/// are immutable); applied again, the row is the same.
/// </summary>
public sealed record InboundCallEnded(InboundCallRecord Record, string? RunId) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var r = Record;
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO inbound_calls (id, tenant_id, campaign_id, caller_number, lead_id, priority, skill, arrived_at, connected_at,
                ended_at, agent, outcome, disposition, wrap_ended_at, recording_path, run_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (id) DO UPDATE SET
                campaign_id = excluded.campaign_id, lead_id = excluded.lead_id, priority = excluded.priority, skill = excluded.skill,
                arrived_at = excluded.arrived_at, connected_at = excluded.connected_at, ended_at = excluded.ended_at, agent = excluded.agent,
                outcome = excluded.outcome, disposition = excluded.disposition, wrap_ended_at = excluded.wrap_ended_at,
                recording_path = coalesce(inbound_calls.recording_path, excluded.recording_path)
            """);
        var p = upsert.Parameters;
        p.Add(new() { Value = r.Id });
        p.Add(new() { Value = r.TenantId.Value });
        p.Add(new() { Value = r.CampaignId.Value });
        p.Add(new() { Value = r.CallerNumber });
        p.Add(new() { Value = (object?)r.LeadId?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        p.Add(new() { Value = r.Priority });
        p.Add(JournalParameters.Text(r.Skill));
        p.Add(JournalParameters.Time(r.ArrivedAt));
        p.Add(JournalParameters.Time(r.ConnectedAt));
        p.Add(JournalParameters.Time(r.EndedAt));
        p.Add(JournalParameters.Text(r.Agent));
        p.Add(new() { Value = r.Outcome });
        p.Add(JournalParameters.Text(r.Disposition));
        p.Add(JournalParameters.Time(r.WrapEndedAt));
        p.Add(JournalParameters.Text(r.RecordingPath));
        p.Add(JournalParameters.Text(RunId));
        batch.BatchCommands.Add(upsert);
    }
}
