using Npgsql;
using NpgsqlTypes;
using Outbound.Core.Leads;
using Outbound.Data.Durable;

namespace Outbound.Data.Dialing;

/// <summary>
/// A finished attempt: its call record, the lead's next step and the end of its in-flight row, in one transaction, so
/// that a lead leaves 'dialing' exactly when its record is durable. The lead is closed only while it is still in this
/// attempt, and the record is kept once per (lead, attempt): applied twice, it changes nothing the second time.
/// </summary>
public sealed record CallFinished(CompletedCall Call) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var (r, lead) = Call;
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, region, local_hour, dial_mode,
                caller_id, agent, started_at, ringing_at, answered_at, connected_at, ended_at, wrap_ended_at, outcome,
                failure_reason, amd_result, abandoned, disposition, recording_path, run_id, hangup_cause)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
            ON CONFLICT (lead_id, attempt) DO NOTHING
            """);
        var p = insert.Parameters;
        p.Add(new() { Value = r.Id });
        p.Add(new() { Value = r.TenantId.Value });
        p.Add(new() { Value = r.CampaignId.Value });
        p.Add(new() { Value = r.LeadId.Value });
        p.Add(new() { Value = r.Attempt });
        p.Add(new() { Value = r.PhoneE164 });
        p.Add(JournalParameters.Text(r.Region));
        p.Add(new() { Value = r.LocalHour is { } h ? (short)h : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint });
        p.Add(new() { Value = r.DialMode.ToString() });
        p.Add(JournalParameters.Text(r.CallerId));
        p.Add(JournalParameters.Text(r.Agent));
        p.Add(JournalParameters.Time(r.StartedAt));
        p.Add(JournalParameters.Time(r.RingingAt));
        p.Add(JournalParameters.Time(r.AnsweredAt));
        p.Add(JournalParameters.Time(r.ConnectedAt));
        p.Add(JournalParameters.Time(r.EndedAt));
        p.Add(JournalParameters.Time(r.WrapEndedAt));
        p.Add(new() { Value = r.Outcome.ToString() });
        p.Add(JournalParameters.Text(r.FailureReason));
        p.Add(JournalParameters.Text(r.AmdResult));
        p.Add(new() { Value = r.Abandoned });
        p.Add(JournalParameters.Text(r.Disposition));
        p.Add(JournalParameters.Text(r.RecordingPath));
        p.Add(new() { Value = r.RunId });
        p.Add(JournalParameters.Text(r.HangupCause));
        batch.BatchCommands.Add(insert);

        var close = new NpgsqlBatchCommand("""
            UPDATE leads SET status = $1, next_call_at = $2, callback_agent = $3, last_outcome = $4,
                             lease_owner = NULL, lease_expires_at = NULL
            WHERE id = $5 AND attempts = $6 AND status = 'dialing'
            """);
        close.Parameters.Add(new() { Value = lead.Status });
        close.Parameters.Add(JournalParameters.Time(lead.NextCallAt));
        close.Parameters.Add(JournalParameters.Text(lead.CallbackAgent));
        close.Parameters.Add(new() { Value = lead.LastOutcome });
        close.Parameters.Add(new() { Value = r.LeadId.Value });
        close.Parameters.Add(new() { Value = r.Attempt });
        batch.BatchCommands.Add(close);

        var done = new NpgsqlBatchCommand("DELETE FROM calls_in_flight WHERE lead_id = $1 AND attempt = $2");
        done.Parameters.Add(new() { Value = r.LeadId.Value });
        done.Parameters.Add(new() { Value = r.Attempt });
        batch.BatchCommands.Add(done);
    }
}

/// <summary>
/// What a call in progress has learnt (the answer, its agent, a disposition given while the customer still
/// talks), noted on its in-flight row so that a crash loses none of it. Only known values are set; the agent is the
/// latest one (a transfer moves the call).
/// </summary>
public sealed record CallProgressed(LeadId LeadId, int Attempt) : DurableRecord
{
    public DateTimeOffset? AnsweredAt { get; init; }
    /// <summary>human | machine | unknown.</summary>
    public string? AnsweredBy { get; init; }
    public DateTimeOffset? ConnectedAt { get; init; }
    public string? Agent { get; init; }
    public string? Disposition { get; init; }
    public DateTimeOffset? WrapEndedAt { get; init; }

    internal override void AddTo(NpgsqlBatch batch)
    {
        var update = new NpgsqlBatchCommand("""
            UPDATE calls_in_flight SET
                answered_at = coalesce(answered_at, $3), answered_by = coalesce($4, answered_by), connected_at = coalesce(connected_at, $5),
                agent = coalesce($6, agent), disposition = coalesce($7, disposition), wrap_ended_at = coalesce($8, wrap_ended_at)
            WHERE lead_id = $1 AND attempt = $2
            """);
        var p = update.Parameters;
        p.Add(new() { Value = LeadId.Value });
        p.Add(new() { Value = Attempt });
        p.Add(JournalParameters.Time(AnsweredAt));
        p.Add(JournalParameters.Text(AnsweredBy));
        p.Add(JournalParameters.Time(ConnectedAt));
        p.Add(JournalParameters.Text(Agent));
        p.Add(JournalParameters.Text(Disposition));
        p.Add(JournalParameters.Time(WrapEndedAt));
        batch.BatchCommands.Add(update);
    }
}

/// <summary>
/// The fence's answer was lost (the database went away during <see cref="LeadHopper.MarkDialingAsync"/>) and call
/// <paramref name="CallId"/> dialled nothing: if its fence did hold, that attempt is taken back — the lead returns to its
/// earlier status, the attempt uncounted and the lease given up — instead of staying 'dialing' under a run that no
/// longer knows it. Only that call's attempt: a later attempt of the same lead is left alone.
/// </summary>
public sealed record CallNotPlaced(LeadId LeadId, Guid CallId) : DurableRecord
{
    internal override void AddTo(NpgsqlBatch batch)
    {
        var undo = new NpgsqlBatchCommand("""
            WITH undone AS (
                DELETE FROM calls_in_flight f
                WHERE f.lead_id = $1 AND f.call_id = $2
                  AND NOT EXISTS (SELECT 1 FROM call_records c WHERE c.lead_id = f.lead_id AND c.attempt = f.attempt)
                RETURNING f.lead_id, f.attempt, f.previous_status)
            UPDATE leads l SET status = u.previous_status, attempts = l.attempts - 1, lease_owner = NULL, lease_expires_at = NULL
            FROM undone u WHERE l.id = u.lead_id AND l.attempts = u.attempt AND l.status = 'dialing'
            """);
        undo.Parameters.Add(new() { Value = LeadId.Value });
        undo.Parameters.Add(new() { Value = CallId });
        batch.BatchCommands.Add(undo);
    }
}

/// <summary>Typed parameters for nullable values of the journal's statements.</summary>
internal static class JournalParameters
{
    public static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter Uuid(Guid? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid };
}
