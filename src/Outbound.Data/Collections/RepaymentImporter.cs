using System.Text;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Collections;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;

namespace Outbound.Data.Collections;

/// <summary>How kept, broken and still open the campaign's promises to pay stand after an upload.</summary>
public sealed record PromiseCounts(long Kept, long Broken, long Open);

public sealed record RepaymentImportResult(
    int Rows, int Applied, int AlreadyKnown, IReadOnlyList<RejectedRepayment> Rejected, int NewlyKept, PromiseCounts Promises);

/// <summary>
/// Applies a client's repayment file (还款回盘) to one campaign in one transaction: decodes it as call lists are decoded,
/// finds each row's lead in that campaign only (by lead id or 借据号 <c>loan_ref</c> field, or by E.164 phone), stores the
/// payments under a uniqueness key so a re-upload adds nothing, and marks the promises the payments keep
/// (<see cref="PromiseKeeping"/>). Rows whose lead is not in the campaign — another tenant's debtors included — are rejected.
/// </summary>
public sealed class RepaymentImporter(NpgsqlDataSource dataSource, TimeProvider clock, int graceDays = PromiseKeeping.DefaultGraceDays)
{
    public const int MaxFileBytes = 32 * 1024 * 1024;

    public int GraceDays => graceDays;

    public async Task<RepaymentImportResult> ImportAsync(TenantId tenant, CampaignId campaign, string fileName, byte[] content, string? uploadedBy,
        ListEncodingChoice encodingChoice = ListEncodingChoice.Auto, CancellationToken ct = default)
    {
        var encoding = ListEncodingDetector.Detect(content, isWholeFile: true, encodingChoice);
        RepaymentFileContent file;
        try
        {
            var text = encoding.Encoding.GetString(content, encoding.PreambleLength, content.Length - encoding.PreambleLength);
            file = RepaymentFile.Read(new StringReader(text), new PhoneNormalizer());
        }
        catch (DecoderFallbackException)
        {
            throw new RepaymentFileException("文件不是有效的 UTF-8 / the file is not valid UTF-8");
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // The campaign must be the tenant's: a manager's choice of campaign scopes every match below.
        await using (var check = new NpgsqlCommand("SELECT 1 FROM campaigns WHERE id = @c AND tenant_id = @t FOR SHARE", connection, tx))
        {
            check.Parameters.AddWithValue("c", campaign.Value);
            check.Parameters.AddWithValue("t", tenant.Value);
            if (await check.ExecuteScalarAsync(ct) is null) throw new InvalidOperationException("the campaign is not the tenant's");
        }
        var leads = await LeadsAsync(connection, tx, campaign, file.Rows, ct);

        var rejected = file.Rejected.ToList();
        var matched = new List<(RepaymentRow Row, long Lead)>();
        foreach (var row in file.Rows)
        {
            var byRef = row.LeadRef is { } r && leads.ByRef.TryGetValue(r, out var refLead) ? refLead : (long?)null;
            var byPhone = row.PhoneE164 is { } p && leads.ByPhone.TryGetValue(p, out var phoneLead) ? phoneLead : (long?)null;
            if (row.LeadRef is not null && byRef is null) rejected.Add(new(row.Line, $"借据号不属于本项目 / lead ref '{row.LeadRef}' is not in this campaign"));
            else if (row.PhoneE164 is not null && byPhone is null && byRef is null) rejected.Add(new(row.Line, $"手机号不属于本项目 / phone {row.PhoneE164} is not in this campaign"));
            else if (byRef is { } a && byPhone is { } b && a != b) rejected.Add(new(row.Line, "手机号与借据号不是同一客户 / phone and lead ref name different debtors"));
            else matched.Add((row, (byRef ?? byPhone)!.Value));
        }

        var now = clock.GetUtcNow();
        var applied = await StoreAsync(connection, tx, tenant, campaign, fileName, uploadedBy, now, matched, ct);
        var newlyKept = await KeepPromisesAsync(connection, tx, campaign, matched.Select(m => m.Lead).Distinct().ToArray(), ct);
        var counts = await CountsAsync(connection, tx, campaign, CenterTime.China.Day(now), ct);
        await tx.CommitAsync(ct);
        return new RepaymentImportResult(file.Rows.Count + file.Rejected.Count, applied, matched.Count - applied,
            rejected.OrderBy(r => r.Line).ToList(), newlyKept, counts);
    }

    /// <summary>
    /// Stores the matched payments in one statement; the n-th equal payment (same debtor, day and amount) of the file is
    /// occurrence n, so a re-upload conflicts and adds nothing. Returns how many were new.
    /// </summary>
    private static async Task<int> StoreAsync(NpgsqlConnection connection, NpgsqlTransaction tx, TenantId tenant, CampaignId campaign, string fileName,
        string? uploadedBy, DateTimeOffset now, IReadOnlyList<(RepaymentRow Row, long Lead)> matched, CancellationToken ct)
    {
        if (matched.Count == 0) return 0;
        var seen = new Dictionary<(long, DateOnly, decimal), int>();
        var occurrences = matched.Select(m => seen[(m.Lead, m.Row.PaidOn, m.Row.Amount)] = seen.GetValueOrDefault((m.Lead, m.Row.PaidOn, m.Row.Amount)) + 1).ToArray();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO repayments (tenant_id, campaign_id, lead_id, paid_on, amount, occurrence, file_name, line_number, uploaded_by, uploaded_at)
            SELECT @t, @c, p.lead, p.paid_on, p.amount, p.occurrence, @file, p.line, @by, @at
            FROM unnest(@leads, @days, @amounts, @occurrences, @lines) AS p(lead, paid_on, amount, occurrence, line)
            ON CONFLICT (campaign_id, lead_id, paid_on, amount, occurrence) DO NOTHING
            """, connection, tx);
        insert.Parameters.AddWithValue("t", tenant.Value);
        insert.Parameters.AddWithValue("c", campaign.Value);
        insert.Parameters.AddWithValue("leads", matched.Select(m => m.Lead).ToArray());
        insert.Parameters.AddWithValue("days", matched.Select(m => m.Row.PaidOn).ToArray());
        insert.Parameters.AddWithValue("amounts", matched.Select(m => m.Row.Amount).ToArray());
        insert.Parameters.AddWithValue("occurrences", occurrences);
        insert.Parameters.AddWithValue("lines", matched.Select(m => m.Row.Line).ToArray());
        insert.Parameters.AddWithValue("file", fileName);
        insert.Parameters.AddWithValue("by", (object?)uploadedBy ?? DBNull.Value);
        insert.Parameters.AddWithValue("at", now);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Kept, broken (due day plus grace passed without enough payment) and open promises of the campaign today.</summary>
    public async Task<PromiseCounts> CountsAsync(CampaignId campaign, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await CountsAsync(connection, null, campaign, CenterTime.China.Day(clock.GetUtcNow()), ct);
    }

    private async Task<PromiseCounts> CountsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CampaignId campaign, DateOnly today, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE kept_on IS NOT NULL),
                   count(*) FILTER (WHERE kept_on IS NULL AND due_on + @grace < @today),
                   count(*) FILTER (WHERE kept_on IS NULL AND due_on + @grace >= @today)
            FROM collection_promises WHERE campaign_id = @c
            """, connection, tx);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("grace", graceDays);
        cmd.Parameters.AddWithValue("today", today);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new PromiseCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    private sealed record LeadIndex(Dictionary<string, long> ByPhone, Dictionary<string, long> ByRef);

    private static async Task<LeadIndex> LeadsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CampaignId campaign,
        IReadOnlyList<RepaymentRow> rows, CancellationToken ct)
    {
        var phones = rows.Select(r => r.PhoneE164).OfType<string>().Distinct().ToArray();
        var refs = rows.Select(r => r.LeadRef).OfType<string>().Distinct().ToArray();
        await using var cmd = new NpgsqlCommand("""
            SELECT id, phone_e164, fields->>'loan_ref' FROM leads
            WHERE campaign_id = @c AND (phone_e164 = ANY(@phones) OR id::text = ANY(@refs) OR fields->>'loan_ref' = ANY(@refs))
            """, connection, tx);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("phones", phones);
        cmd.Parameters.AddWithValue("refs", refs);
        var index = new LeadIndex(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            index.ByPhone[r.GetString(1)] = id;
            index.ByRef[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = id;
            if (!r.IsDBNull(2)) index.ByRef.TryAdd(r.GetString(2), id);
        }
        return index;
    }

    /// <summary>Re-runs the allocation for the debtors of the file over all their stored payments; returns how many promises became kept.</summary>
    private async Task<int> KeepPromisesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CampaignId campaign, long[] leads, CancellationToken ct)
    {
        if (leads.Length == 0) return 0;
        var promises = new Dictionary<long, List<PromiseToPay>>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT lead_id, id, (promised_at AT TIME ZONE '{CenterTime.ChinaZoneId}')::date, due_on, amount, kept_on
            FROM collection_promises WHERE campaign_id = @c AND lead_id = ANY(@leads) FOR UPDATE
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("c", campaign.Value);
            cmd.Parameters.AddWithValue("leads", leads);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (!promises.TryGetValue(r.GetInt64(0), out var list)) promises[r.GetInt64(0)] = list = [];
                list.Add(new PromiseToPay(r.GetGuid(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3), r.GetDecimal(4),
                    r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5)));
            }
        }
        var payments = new Dictionary<long, List<DebtorPayment>>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT lead_id, paid_on, amount FROM repayments WHERE campaign_id = @c AND lead_id = ANY(@leads)", connection, tx))
        {
            cmd.Parameters.AddWithValue("c", campaign.Value);
            cmd.Parameters.AddWithValue("leads", leads);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (!payments.TryGetValue(r.GetInt64(0), out var list)) payments[r.GetInt64(0)] = list = [];
                list.Add(new DebtorPayment(r.GetFieldValue<DateOnly>(1), r.GetDecimal(2)));
            }
        }
        var kept = promises.SelectMany(p => PromiseKeeping.KeptOn(p.Value, payments.GetValueOrDefault(p.Key) ?? [], graceDays)).ToList();
        if (kept.Count == 0) return 0;
        await using var update = new NpgsqlCommand("""
            UPDATE collection_promises p SET kept_on = k.kept_on
            FROM unnest(@ids, @days) AS k(id, kept_on)
            WHERE p.id = k.id AND p.kept_on IS NULL
            """, connection, tx);
        update.Parameters.AddWithValue("ids", kept.Select(k => k.Key).ToArray());
        update.Parameters.AddWithValue("days", kept.Select(k => k.Value).ToArray());
        return await update.ExecuteNonQueryAsync(ct);
    }
}
