using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Outbound.Data.Dialing;

/// <summary>
/// Writes finished calls in batches: each batch inserts the call records and closes their leads in one
/// transaction, so a lead leaves 'dialing' exactly when its record is durable. A failed batch is retried
/// (nothing is dropped); a crash before a flush leaves the lead 'dialing' under an expiring lease, and
/// <see cref="LeadHopper.RecoverInterruptedAsync"/> closes it.
/// </summary>
public sealed class CallRecordWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<CallRecordWriter> _logger;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxDelay;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _written;

    public CallRecordWriter(NpgsqlDataSource dataSource, ILogger<CallRecordWriter> logger, int maxBatch = 500, TimeSpan? maxDelay = null)
    {
        _dataSource = dataSource;
        _logger = logger;
        _maxBatch = maxBatch;
        _maxDelay = maxDelay ?? TimeSpan.FromMilliseconds(250);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Calls written so far by this writer.</summary>
    public long Written => Interlocked.Read(ref _written);

    public void Enqueue(CompletedCall call)
    {
        if (!_queue.Writer.TryWrite(call)) throw new InvalidOperationException("The call-record writer is closed.");
    }

    /// <summary>Completes when everything enqueued before the call is in the database.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(done)) return Task.CompletedTask;
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<CompletedCall>();
        var waiters = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var deadline = DateTime.UtcNow + _maxDelay;
            while (batch.Count < _maxBatch)
            {
                if (_queue.Reader.TryRead(out var item))
                {
                    if (item is CompletedCall call) batch.Add(call);
                    else if (item is TaskCompletionSource waiter) { waiters.Add(waiter); break; }
                    continue;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) break;
                using var timeout = new CancellationTokenSource(left);
                try { if (!await _queue.Reader.WaitToReadAsync(timeout.Token)) break; }
                catch (OperationCanceledException) { break; }
            }
            await WriteWithRetryAsync(batch);
            batch.Clear();
            foreach (var waiter in waiters) waiter.TrySetResult();
            waiters.Clear();
        }
    }

    private async Task WriteWithRetryAsync(List<CompletedCall> batch)
    {
        if (batch.Count == 0) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                _logger.LogWarning(e, "Writing {Count} call records failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * attempt * attempt)));
            }
        }
    }

    private async Task WriteAsync(List<CompletedCall> calls)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var (r, lead) in calls)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, region, local_hour, dial_mode,
                    caller_id, agent, started_at, ringing_at, answered_at, connected_at, ended_at, wrap_ended_at, outcome,
                    failure_reason, amd_result, abandoned, disposition, recording_path, run_id, hangup_cause)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
                ON CONFLICT (lead_id, attempt) DO NOTHING
                """);
            insert.Parameters.Add(new() { Value = r.Id });
            insert.Parameters.Add(new() { Value = r.TenantId.Value });
            insert.Parameters.Add(new() { Value = r.CampaignId.Value });
            insert.Parameters.Add(new() { Value = r.LeadId.Value });
            insert.Parameters.Add(new() { Value = r.Attempt });
            insert.Parameters.Add(new() { Value = r.PhoneE164 });
            insert.Parameters.Add(Text(r.Region));
            insert.Parameters.Add(new() { Value = r.LocalHour is { } h ? (short)h : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint });
            insert.Parameters.Add(new() { Value = r.DialMode.ToString() });
            insert.Parameters.Add(Text(r.CallerId));
            insert.Parameters.Add(Text(r.Agent));
            insert.Parameters.Add(Time(r.StartedAt));
            insert.Parameters.Add(Time(r.RingingAt));
            insert.Parameters.Add(Time(r.AnsweredAt));
            insert.Parameters.Add(Time(r.ConnectedAt));
            insert.Parameters.Add(Time(r.EndedAt));
            insert.Parameters.Add(Time(r.WrapEndedAt));
            insert.Parameters.Add(new() { Value = r.Outcome.ToString() });
            insert.Parameters.Add(Text(r.FailureReason));
            insert.Parameters.Add(Text(r.AmdResult));
            insert.Parameters.Add(new() { Value = r.Abandoned });
            insert.Parameters.Add(Text(r.Disposition));
            insert.Parameters.Add(Text(r.RecordingPath));
            insert.Parameters.Add(new() { Value = r.RunId });
            insert.Parameters.Add(Text(r.HangupCause));
            batch.BatchCommands.Add(insert);

            var close = new NpgsqlBatchCommand("""
                UPDATE leads SET status = $1, next_call_at = $2, callback_agent = $3, last_outcome = $4,
                                 lease_owner = NULL, lease_expires_at = NULL
                WHERE id = $5 AND attempts = $6 AND status = 'dialing'
                """);
            close.Parameters.Add(new() { Value = lead.Status });
            close.Parameters.Add(Time(lead.NextCallAt));
            close.Parameters.Add(Text(lead.CallbackAgent));
            close.Parameters.Add(new() { Value = lead.LastOutcome });
            close.Parameters.Add(new() { Value = r.LeadId.Value });
            close.Parameters.Add(new() { Value = r.Attempt });
            batch.BatchCommands.Add(close);
        }
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
