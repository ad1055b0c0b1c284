using System.Text;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;

namespace Outbound.Data.Lists;

/// <summary>
/// Loads a call list into a campaign in one transaction: records the import, reads existing
/// campaign numbers and DNC (global + tenant), streams parsed rows through binary COPY, COPYs the
/// rejects, then commits. Any failure rolls everything back and records the import as failed in a
/// separate transaction, so the user sees why and no half list is ever dialled.
/// Parsing and the COPY run as a pipeline on the two cores: one task decodes, parses, normalises and
/// dedups rows into small batches on a bounded channel while the other streams them to PostgreSQL,
/// so the parse hides behind the server's work and only a few thousand leads are in memory at once.
/// (Sorting the leads by number first, as this did before, needs the whole file parsed before the
/// COPY starts; at 1M rows the server's CPU time for sorted and unsorted input was within noise.)
/// </summary>
public sealed class ListImporter(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int ProgressEveryRows = 20_000;

    // Leads per batch and batches in flight: small enough that progress shows writing under way
    // (BatchSize * (BatchesInFlight + 2) < ProgressEveryRows), large enough that the channel costs nothing per row.
    private const int BatchSize = 1024;
    private const int BatchesInFlight = 8;

    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly TimeProvider _time = time;

    /// <param name="content">The list file from its start: delimited text in any supported encoding, or an Excel workbook (then seekable).</param>
    public async Task<ListImportResult> ImportAsync(ListImportRequest request, Stream content,
        IProgress<ListImportProgress>? progress = null, CancellationToken ct = default)
    {
        var started = _time.GetTimestamp();
        var importId = Guid.CreateVersion7();
        long? totalBytes = content.CanSeek ? content.Length - content.Position : null;
        ListFile? file = null;
        var columnMap = new Dictionary<string, int>();
        try
        {
            // Opening reads the head (and a workbook whole, for its hash): off the caller's thread.
            file = await Task.Run(() => ListFile.Open(content, request.Encoding), ct);
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(hashtextextended(@c::text, 0))", ct, ("c", request.Campaign.Value));
            var fields = await ListImportTargets.FieldsAsync(connection, tx, request.Tenant, request.Campaign, ct);
            await InsertImportAsync(connection, tx, importId, request, file.Format, "running", null, ct);
            var campaignPhones = await LoadPhonesAsync(connection, tx, "SELECT phone_e164 FROM leads WHERE campaign_id = @c", ("c", request.Campaign.Value), ct);
            var dncPhones = await LoadPhonesAsync(connection, tx, "SELECT phone_e164 FROM dnc_numbers WHERE tenant_id IS NULL OR tenant_id = @t", ("t", request.Tenant.Value), ct);

            var reader = file.Records;
            if (!reader.Read()) throw ListFormatException.Empty();
            if (reader.Problem is not null) throw ListFormatException.HeaderTooBig(ListLimits.Default);
            var headers = reader.Fields();
            var suggestion = HeaderMapper.Suggest(headers, fields);
            var map = HeaderMapper.Apply(suggestion, headers, fields, request.ColumnOverrides ?? new Dictionary<string, string>());
            foreach (var (key, column) in map.Columns) columnMap[key] = column;
            await ExecuteAsync(connection, tx, "UPDATE list_imports SET column_map = @m WHERE id = @id", ct,
                ("m", new NpgsqlParameter { ParameterName = "m", NpgsqlDbType = NpgsqlDbType.Jsonb, Value = ColumnMapJson(map, headers) }), ("id", importId));

            var parser = new LeadRowParser(headers, fields, map, new PhoneNormalizer());
            var dedup = new LeadDeduplicator(campaignPhones, dncPhones);
            var tally = new Tally();
            await PipeLeadsAsync(connection, request, importId, reader, parser, dedup, tally, file, totalBytes, progress, ct);
            // A header and nothing else: say so rather than report a completed import of nothing.
            if (tally.Rows == 0) throw ListFormatException.HeadersOnly();
            await CopyRejectsAsync(connection, request.Tenant, importId, tally.Rejects, ct);
            await CompleteImportAsync(connection, tx, importId, tally, file, ct);
            await tx.CommitAsync(ct);
            progress?.Report(new ListImportProgress(importId, tally.Rows, file.BytesRead, totalBytes ?? file.BytesRead, tally.Imported));
            return new ListImportResult(importId, file.Format, tally.Rows, tally.Imported, tally.Rejects.Count,
                tally.Duplicates, tally.Dnc, _time.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            var message = Describe(e, file?.Format);
            var recorded = await TryRecordFailureAsync(importId, request, file, message, columnMap);
            if (e is OperationCanceledException) throw;
            throw new ListImportFailedException(message, recorded ? importId : null, e);
        }
        finally
        {
            file?.Dispose();
        }
    }

    /// <summary>The upload page's first look at a file: its format, headers, suggested mapping, first rows.</summary>
    public async Task<ListPreview> PreviewAsync(TenantId tenant, CampaignId campaign, Stream file,
        ListEncodingChoice encoding = ListEncodingChoice.Auto, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        var fields = await ListImportTargets.FieldsAsync(connection, null, tenant, campaign, ct);
        return await Task.Run(() => ListPreview.Create(file, encoding, fields), ct);
    }

    private sealed class Tally
    {
        public int Rows;
        public int Imported;
        public int Duplicates;
        public int Dnc;
        public int LeadsWritten;
        public List<RejectedRow> Rejects { get; } = [];
    }

    /// <summary>
    /// Parses on one task and COPYs on another, joined by a bounded channel. Whichever side fails first
    /// stops the other; the COPY is then left incomplete (disposing it cancels it) and the caller rolls back.
    /// </summary>
    private static async Task PipeLeadsAsync(NpgsqlConnection connection, ListImportRequest request, Guid importId,
        IListRecordReader reader, LeadRowParser parser, LeadDeduplicator dedup, Tally tally, ListFile source,
        long? totalBytes, IProgress<ListImportProgress>? progress, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<ParsedLead[]>(new BoundedChannelOptions(BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY leads (tenant_id, campaign_id, import_id, line_number, phone_e164, phone_kind, region, time_zone, name, fields)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        // A million rows into an indexed table can outlast the default command timeout; cancellation goes through ct.
        copy.Timeout = TimeSpan.Zero;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Both sides do blocking work (the stream is read synchronously, rows are written with the synchronous
        // COPY API to save an async state machine per value): each gets a thread-pool thread of its own.
        // No token for Task.Run itself: the parser must always run, since only it completes the channel.
        var parsing = Task.Run(() => ParseAsync(reader, parser, dedup, tally, batches.Writer, source, importId, totalBytes, progress, stop.Token), CancellationToken.None);
        try
        {
            await Task.Run(() => WriteLeadsAsync(copy, request, importId, batches.Reader, tally), ct);
        }
        catch
        {
            await stop.CancelAsync();
            try { await parsing; } catch { /* the COPY's failure is the one to report */ }
            throw;
        }
        await parsing; // a parse failure ended the channel early: it surfaces here, before the COPY is completed
        await copy.CompleteAsync(ct);
    }

    private static async Task ParseAsync(IListRecordReader reader, LeadRowParser parser, LeadDeduplicator dedup, Tally tally,
        ChannelWriter<ParsedLead[]> batches, ListFile source, Guid importId, long? totalBytes,
        IProgress<ListImportProgress>? progress, CancellationToken ct)
    {
        try
        {
            var batch = new ParsedLead[BatchSize];
            var inBatch = 0;
            while (reader.Read())
            {
                if (parser.Parse(reader) is not { } outcome) continue;
                tally.Rows++;
                var rejection = outcome.Rejection ?? dedup.Admit(outcome.Lead!, reader.Raw);
                if (rejection is not null)
                {
                    tally.Rejects.Add(rejection);
                    if (rejection.Reason.IsDuplicate()) tally.Duplicates++;
                    else if (rejection.Reason == RejectReason.Dnc) tally.Dnc++;
                }
                else
                {
                    tally.Imported++;
                    batch[inBatch++] = outcome.Lead!;
                    if (inBatch == BatchSize)
                    {
                        await batches.WriteAsync(batch, ct);
                        batch = new ParsedLead[BatchSize];
                        inBatch = 0;
                    }
                }
                if (tally.Rows % ProgressEveryRows == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new ListImportProgress(importId, tally.Rows, source.BytesRead, totalBytes, Volatile.Read(ref tally.LeadsWritten)));
                }
            }
            ct.ThrowIfCancellationRequested();
            if (inBatch > 0) await batches.WriteAsync(batch[..inBatch], ct);
        }
        finally
        {
            // Ends the writer's loop either way; on failure the exception is awaited by PipeLeadsAsync.
            batches.TryComplete();
        }
    }

    private static async Task WriteLeadsAsync(NpgsqlBinaryImporter copy, ListImportRequest request, Guid importId,
        ChannelReader<ParsedLead[]> batches, Tally tally)
    {
        var tenant = request.Tenant.Value;
        var campaign = request.Campaign.Value;
        await foreach (var batch in batches.ReadAllAsync())
        {
            foreach (var lead in batch)
            {
                copy.StartRow();
                copy.Write(tenant, NpgsqlDbType.Uuid);
                copy.Write(campaign, NpgsqlDbType.Uuid);
                copy.Write(importId, NpgsqlDbType.Uuid);
                copy.Write(lead.LineNumber, NpgsqlDbType.Integer);
                copy.Write(lead.Phone.E164, NpgsqlDbType.Text);
                copy.Write(lead.Phone.Kind.Code(), NpgsqlDbType.Text);
                copy.Write(lead.Region ?? lead.Phone.RegionCode, NpgsqlDbType.Text);
                copy.Write(lead.Phone.TimeZone, NpgsqlDbType.Text);
                if (lead.Name is null) copy.WriteNull();
                else copy.Write(lead.Name, NpgsqlDbType.Text);
                copy.Write(lead.FieldsJson, NpgsqlDbType.Jsonb);
            }
            Interlocked.Add(ref tally.LeadsWritten, batch.Length);
        }
    }

    private static async Task CopyRejectsAsync(NpgsqlConnection connection, TenantId tenant, Guid importId,
        IReadOnlyList<RejectedRow> rejects, CancellationToken ct)
    {
        if (rejects.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY list_import_rejects (import_id, tenant_id, line_number, reason, detail, raw) FROM STDIN (FORMAT BINARY)", ct);
        copy.Timeout = TimeSpan.Zero;
        foreach (var row in rejects)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(importId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(tenant.Value, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(row.LineNumber, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Reason.Code(), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Detail, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(StripNul(row.Raw), NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task InsertImportAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid importId,
        ListImportRequest request, string encoding, string status, string? error, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO list_imports (id, tenant_id, campaign_id, file_name, file_sha256, encoding, status, error, created_by)
            VALUES (@id, @t, @c, @f, '', @e, @s, @err, @by)
            """, connection, tx);
        cmd.Parameters.AddWithValue("id", importId);
        cmd.Parameters.AddWithValue("t", request.Tenant.Value);
        cmd.Parameters.AddWithValue("c", request.Campaign.Value);
        cmd.Parameters.AddWithValue("f", request.FileName);
        cmd.Parameters.AddWithValue("e", encoding);
        cmd.Parameters.AddWithValue("s", status);
        cmd.Parameters.AddWithValue("err", (object?)error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("by", (object?)request.CreatedBy ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task CompleteImportAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid importId, Tally tally,
        ListFile source, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE list_imports SET status = 'completed', rows = @rows, imported = @imported, rejected = @rejected,
                duplicates = @duplicates, dnc = @dnc, file_sha256 = @sha, file_bytes = @bytes, finished_at = now()
            WHERE id = @id
            """, connection, tx);
        cmd.Parameters.AddWithValue("rows", tally.Rows);
        cmd.Parameters.AddWithValue("imported", tally.Imported);
        cmd.Parameters.AddWithValue("rejected", tally.Rejects.Count);
        cmd.Parameters.AddWithValue("duplicates", tally.Duplicates);
        cmd.Parameters.AddWithValue("dnc", tally.Dnc);
        cmd.Parameters.AddWithValue("sha", source.Sha256Hex());
        cmd.Parameters.AddWithValue("bytes", source.BytesRead);
        cmd.Parameters.AddWithValue("id", importId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Leaves a trace of the failed import (its own short transaction); never masks the original error.</summary>
    private async Task<bool> TryRecordFailureAsync(Guid importId, ListImportRequest request, ListFile? file, string error,
        IReadOnlyDictionary<string, int> columnMap)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO list_imports (id, tenant_id, campaign_id, file_name, file_sha256, file_bytes, encoding, column_map, status, error, created_by, finished_at)
                SELECT @id, c.tenant_id, c.id, @f, @sha, @bytes, @e, @m, 'failed', @err, @by, now()
                FROM campaigns c WHERE c.id = @c AND c.tenant_id = @t
                """, connection);
            cmd.Parameters.AddWithValue("id", importId);
            cmd.Parameters.AddWithValue("t", request.Tenant.Value);
            cmd.Parameters.AddWithValue("c", request.Campaign.Value);
            cmd.Parameters.AddWithValue("f", request.FileName);
            cmd.Parameters.AddWithValue("sha", file?.Sha256Hex() ?? "");
            cmd.Parameters.AddWithValue("bytes", file?.BytesRead ?? 0);
            cmd.Parameters.AddWithValue("e", file?.Format ?? "unknown");
            cmd.Parameters.Add(new NpgsqlParameter("m", NpgsqlDbType.Jsonb) { Value = System.Text.Json.JsonSerializer.Serialize(columnMap) });
            cmd.Parameters.AddWithValue("err", error);
            cmd.Parameters.AddWithValue("by", (object?)request.CreatedBy ?? DBNull.Value);
            return await cmd.ExecuteNonQueryAsync(CancellationToken.None) == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static string Describe(Exception e, string? format) => e switch
    {
        OperationCanceledException => "导入已取消 / the import was cancelled",
        DecoderFallbackException d => ListFormatException.BadEncoding(format ?? "", d.Index).Message,
        ColumnMappingException m => "列映射不完整 / column mapping: " + string.Join("; ", m.Problems),
        ListFormatException or ListImportFailedException => e.Message,
        PostgresException p => $"数据库拒绝了导入 / the database refused the import: {p.MessageText}{(p.Detail is null ? "" : " (" + p.Detail + ")")}",
        _ when e.InnerException is DecoderFallbackException inner => Describe(inner, format),
        _ => $"导入失败 / the import failed: {e.Message}",
    };

    private static string ColumnMapJson(ColumnMap map, IReadOnlyList<string> headers) =>
        System.Text.Json.JsonSerializer.Serialize(map.Columns.ToDictionary(p => p.Key, p => headers[p.Value]));

    private static string StripNul(string text) => text.Contains('\0') ? text.Replace("\0", "") : text;

    private static async Task<HashSet<string>> LoadPhonesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql,
        (string Name, Guid Value) parameter, CancellationToken ct)
    {
        var phones = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.AddWithValue(parameter.Name, parameter.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) phones.Add(reader.GetString(0));
        return phones;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter p) cmd.Parameters.Add(p);
            else cmd.Parameters.AddWithValue(name, value);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
