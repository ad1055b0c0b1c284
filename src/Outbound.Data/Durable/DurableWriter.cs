using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outbound.Data.Database;
using Outbound.Data.Dialing;

namespace Outbound.Data.Durable;

/// <summary>
/// The one durable path of the dialer's records (<see cref="DurableRecord"/>): call records with their leads' next
/// step, calls' progress, inbound calls, agent sessions and state changes. Records are written in batches, in the
/// order they were appended, each batch in one transaction. When PostgreSQL cannot be reached (after a few quick
/// tries) the batch goes to the node's <see cref="Outbox"/> on disk instead, and so does everything after it until the
/// outbox has been replayed — in order, once the database answers again — so that nothing is written out of order
/// (a state change before its session) and nothing twice (the records are idempotent and leave the outbox only once
/// applied). Without an outbox the writer retries in memory until the database is back.
/// </summary>
public sealed class DurableWriter : IAsyncDisposable
{
    private static readonly TimeSpan[] QuickRetries = [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<DurableWriter> _logger;
    private readonly Outbox? _outbox;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _replayEvery;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<DurableRecord> _backlog = []; // what a full outbox could not take, in order (loop thread only)
    private readonly Task _loop;
    private long _written, _journaled, _rejected, _backlogCount;

    private sealed record Flush(TaskCompletionSource Done);
    private sealed record CatchUp(TaskCompletionSource Done);

    /// <param name="outbox">Where records wait while the database is away; null keeps them in memory, retrying.</param>
    /// <param name="replayEvery">How often a kept record is tried again while the database is away.</param>
    public DurableWriter(NpgsqlDataSource dataSource, ILogger<DurableWriter> logger, DatabaseHealth? health = null, Outbox? outbox = null,
        int maxBatch = 500, TimeSpan? maxDelay = null, TimeSpan? replayEvery = null)
    {
        _dataSource = dataSource;
        _logger = logger;
        Health = health ?? new DatabaseHealth();
        _outbox = outbox;
        _maxBatch = maxBatch;
        _maxDelay = maxDelay ?? TimeSpan.FromMilliseconds(250);
        _replayEvery = replayEvery ?? TimeSpan.FromSeconds(1);
        _loop = Task.Run(RunAsync);
    }

    public DatabaseHealth Health { get; }

    /// <summary>Records applied to PostgreSQL so far (directly or replayed from the outbox).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records that went to the outbox because the database was away.</summary>
    public long Journaled => Interlocked.Read(ref _journaled);

    /// <summary>Records PostgreSQL refused as invalid (logged with their content, never retried).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Records kept locally and not yet in PostgreSQL (outbox and overflow).</summary>
    public long Kept => (_outbox?.Count ?? 0) + Interlocked.Read(ref _backlogCount);

    public void Append(DurableRecord record)
    {
        if (!_queue.Writer.TryWrite(record)) throw new InvalidOperationException("The durable writer is closed.");
    }

    public void Enqueue(CompletedCall call) => Append(new CallFinished(call));

    /// <summary>Completes when everything appended before is durable: in PostgreSQL or in the outbox.</summary>
    public Task FlushAsync() => Signal(done => new Flush(done));

    /// <summary>Completes when everything appended before is in PostgreSQL and the outbox is empty.</summary>
    public Task CaughtUpAsync() => Signal(done => new CatchUp(done));

    private Task Signal(Func<TaskCompletionSource, object> marker)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(marker(done)) ? done.Task : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _outbox?.Dispose();
    }

    private bool Behind => _outbox is { IsEmpty: false } || _backlog.Count > 0;

    private async Task RunAsync()
    {
        var batch = new List<DurableRecord>();
        var flushes = new List<TaskCompletionSource>();
        var catchUps = new List<TaskCompletionSource>();
        var open = true;
        while (open)
        {
            open = await CollectAsync(batch, flushes, catchUps);
            try
            {
                await ProcessAsync(batch);
            }
            catch (Exception e)
            {
                // The outbox itself failed (disk full?): keep the batch in memory rather than lose it.
                _logger.LogError(e, "Keeping {Count} records failed; holding them in memory", batch.Count);
                _backlog.AddRange(batch);
            }
            batch.Clear();
            Interlocked.Exchange(ref _backlogCount, _backlog.Count);
            if (_backlog.Count == 0) Complete(flushes);
            if (!Behind) Complete(catchUps);
        }
        if (_backlog.Count > 0) _logger.LogError("Stopping with {Count} records neither in PostgreSQL nor in the outbox", _backlog.Count);
        Complete(flushes);
        Complete(catchUps);
    }

    private static void Complete(List<TaskCompletionSource> waiters)
    {
        foreach (var waiter in waiters) waiter.TrySetResult();
        waiters.Clear();
    }

    /// <summary>Gathers a batch (up to the size or the delay, or until a flush marker); false once the queue is closed and empty.</summary>
    private async Task<bool> CollectAsync(List<DurableRecord> batch, List<TaskCompletionSource> flushes, List<TaskCompletionSource> catchUps)
    {
        if (!_queue.Reader.TryPeek(out _))
        {
            // Behind: wake up to replay even when nothing new comes.
            using var idle = Behind ? new CancellationTokenSource(_replayEvery) : new CancellationTokenSource();
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(idle.Token)) return false;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }
        var deadline = DateTime.UtcNow + _maxDelay;
        while (batch.Count < _maxBatch)
        {
            if (_queue.Reader.TryRead(out var item))
            {
                switch (item)
                {
                    case DurableRecord record: batch.Add(record); continue;
                    case Flush f: flushes.Add(f.Done); return true;
                    case CatchUp c: catchUps.Add(c.Done); return true;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return true;
            using var timeout = new CancellationTokenSource(left);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(timeout.Token)) return batch.Count > 0 || _queue.Reader.TryPeek(out _);
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }
        return true;
    }

    private async Task ProcessAsync(List<DurableRecord> batch)
    {
        if (_outbox is null)
        {
            await WriteUntilDoneAsync(batch);
            return;
        }
        if (!Behind && batch.Count > 0)
        {
            var written = await TryWriteAsync(batch, QuickRetries);
            if (written == batch.Count) return;
            Keep(batch.Skip(written).ToList());
        }
        else Keep(batch);
        await CatchUpAsync();
    }

    /// <summary>Into the outbox after what is already kept; the overflow of a full outbox waits in memory, still in order.</summary>
    private void Keep(IReadOnlyList<DurableRecord> records)
    {
        if (records.Count == 0) return;
        var all = _backlog.Count == 0 ? records : [.. _backlog, .. records];
        if (_outbox!.Append(all))
        {
            Interlocked.Add(ref _journaled, all.Count);
            _backlog.Clear();
            return;
        }
        if (_backlog.Count == 0) _logger.LogError("The outbox is full ({Count} records): holding records in memory", _outbox.Count);
        _backlog.AddRange(records);
    }

    /// <summary>Replays the outbox, oldest first, then what waited in memory; stops at the first outage.</summary>
    private async Task CatchUpAsync()
    {
        while (_outbox is { IsEmpty: false })
        {
            var (records, through) = _outbox.Peek(_maxBatch);
            var written = await TryWriteAsync(records, [TimeSpan.Zero]);
            if (written < records.Count) return;
            _outbox.Remove(through);
            _logger.LogInformation("Replayed {Count} records from the outbox; {Left} left", records.Count, _outbox.Count);
        }
        if (_backlog.Count == 0) return;
        var waiting = _backlog.ToList();
        _backlog.Clear();
        var direct = await TryWriteAsync(waiting, [TimeSpan.Zero]);
        Keep(waiting.Skip(direct).ToList());
    }

    /// <summary>
    /// Writes the records as one transaction, trying again after each delay while the database is away. Returns how many
    /// (from the front) are done: all, or none when the database stayed away. A record PostgreSQL refuses as invalid is
    /// found by writing the batch one by one, logged and skipped: it would never succeed, and must not block the rest.
    /// </summary>
    private async Task<int> TryWriteAsync(IReadOnlyList<DurableRecord> records, IReadOnlyList<TimeSpan> delays)
    {
        if (records.Count == 0) return 0;
        foreach (var delay in delays)
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay);
            try
            {
                await WriteAsync(records);
                Done(records.Count);
                return records.Count;
            }
            catch (Exception e) when (Health.Failed(e))
            {
                _logger.LogWarning("Writing {Count} records failed, the database is away: {Error}", records.Count, e.Message);
            }
            catch (Exception e) when (records.Count > 1)
            {
                _logger.LogWarning(e, "A batch of {Count} records was refused; writing them one by one", records.Count);
                for (var i = 0; i < records.Count; i++)
                    if (await TryWriteAsync([records[i]], [TimeSpan.Zero]) == 0 && !Health.IsUp) return i;
                return records.Count;
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _rejected);
                _logger.LogError(e, "Record refused by PostgreSQL and skipped: {Record}", DurableRecord.Serialize(records[0]));
                return 1;
            }
        }
        return 0;
    }

    /// <summary>No outbox: the old way, retrying in memory (with backoff) until the batch is in.</summary>
    private async Task WriteUntilDoneAsync(List<DurableRecord> batch)
    {
        for (var attempt = 1; batch.Count > 0; attempt++)
        {
            var written = await TryWriteAsync(batch, [TimeSpan.Zero]);
            if (written == batch.Count) return;
            batch.RemoveRange(0, written);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * attempt * attempt)));
        }
    }

    private void Done(int count)
    {
        Interlocked.Add(ref _written, count);
        Health.Succeeded();
    }

    private async Task WriteAsync(IReadOnlyList<DurableRecord> records)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var record in records) record.AddTo(batch);
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}
