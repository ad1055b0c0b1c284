using Npgsql;
using NpgsqlTypes;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Lists;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;

namespace Outbound.Data.Dialing;

/// <summary>
/// Leases callable leads to one dialer run with <c>FOR UPDATE SKIP LOCKED</c> and an expiry, so that
/// concurrent runs never take the same lead and a crashed run's leads come back. A lead is dialled only
/// after <see cref="MarkDialingAsync"/> succeeded: that update is the fence against double dials.
/// SQL filters what it can cheaply (status, due time, lease, callback owner); the final word is
/// <see cref="ComplianceCheck"/> in Core.
/// </summary>
public sealed class LeadHopper(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// How many of the next due leads (in the plain order) a lease with preferred regions reorders. Sorting only this
    /// window keeps a lease cheap on million-lead campaigns without an index on region (every leads index slows imports).
    /// </summary>
    public const int PreferenceWindow = 2000;

    /// <param name="agent">The agent the leads are for (preview): owned callbacks of other agents are skipped;
    /// null leases only leads any agent may take.</param>
    /// <param name="preferred">Regions (in their zones) to dial first now (<see cref="BestTimeToCall"/>): among the next
    /// <see cref="PreferenceWindow"/> due leads, callbacks still come first, then these, then the plain order.
    /// None: the plain order (callbacks, next call time, id).</param>
    public async Task<IReadOnlyList<LeasedLead>> LeaseAsync(
        CampaignId campaign, string owner, int count, DateTimeOffset now, TimeSpan leaseFor, string? agent = null,
        IReadOnlyCollection<RegionZone>? preferred = null, CancellationToken ct = default)
    {
        if (count <= 0) return [];
        var prefer = preferred is { Count: > 0 };
        await using var cmd = dataSource.CreateCommand(prefer ? PreferredLease : PlainLease);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("ttl", leaseFor);
        cmd.Parameters.Add(new NpgsqlParameter("agent", NpgsqlDbType.Text) { Value = (object?)agent ?? DBNull.Value });
        if (prefer)
        {
            // The window must hold more than one lease, or concurrent runs skipping each other's locks would come up short.
            cmd.Parameters.AddWithValue("window", Math.Max(PreferenceWindow, count * 4));
            cmd.Parameters.AddWithValue("regions", preferred!.Select(p => p.Region).ToArray());
            cmd.Parameters.AddWithValue("zones", preferred!.Select(p => p.TimeZone).ToArray());
        }
        var leads = new List<LeasedLead>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) leads.Add(ReadLeased(reader, campaign));
        return leads.OrderBy(l => l.Id.Value).ToList();
    }

    /// <summary>What makes a lead callable by the hopper now (status, due time, lease, callback owner).</summary>
    private const string Callable = $"""
        l.campaign_id = @campaign
          AND l.status IN ('new', 'retry', 'callback')
          AND (l.next_call_at IS NULL OR l.next_call_at <= @now)
          AND {Free}
        """;

    /// <summary>The part of <see cref="Callable"/> that the leads_callable index cannot seek: lease and callback owner.</summary>
    private const string Free = "(l.lease_expires_at IS NULL OR l.lease_expires_at < @now) AND (l.callback_agent IS NULL OR l.callback_agent = @agent)";

    /// <summary>
    /// CTEs ending in <c>next_due</c>: the first <paramref name="size"/> callable leads in the plain order
    /// (callbacks first, then next call time with undated leads last, then id), with SKIP LOCKED when <paramref name="lockRows"/>.
    /// One ORDER BY over the campaign cannot use an index (it sorted every callable lead: a second on a million leads), so
    /// the callable leads are read as six index-ordered streams of leads_callable (campaign, status, next_call_at, id),
    /// one per status and due (next_call_at &lt;= now, a range that never walks future ones) or undated (NULL), each
    /// stopping at what is still missing. Retries and new leads share one order by due time, so both of a kind are read
    /// and merged: the merge may lock up to <paramref name="size"/> leads it does not lease, until the statement commits.
    /// </summary>
    private static string NextDue(string size, bool lockRows)
    {
        string Stream(string name, string status, bool dated, string limit) => $"""
            {name} AS MATERIALIZED (
                SELECT l.id, l.status, l.next_call_at FROM leads l
                WHERE l.campaign_id = @campaign AND l.status = '{status}' AND l.next_call_at {(dated ? "<= @now" : "IS NULL")} AND {Free}
                ORDER BY l.next_call_at, l.id
                LIMIT {limit}{(lockRows ? " FOR UPDATE SKIP LOCKED" : "")})
            """;
        var afterCallbacks = $"{size} - (SELECT count(*) FROM callbacks)";
        var afterDated = $"greatest(0, {afterCallbacks} - (SELECT count(*) FROM retry_dated) - (SELECT count(*) FROM new_dated))";
        return $"""
            {Stream("callback_dated", "callback", dated: true, size)},
            {Stream("callback_undated", "callback", dated: false, $"{size} - (SELECT count(*) FROM callback_dated)")},
            callbacks AS (SELECT * FROM callback_dated UNION ALL SELECT * FROM callback_undated),
            {Stream("retry_dated", "retry", dated: true, afterCallbacks)},
            {Stream("new_dated", "new", dated: true, afterCallbacks)},
            {Stream("retry_undated", "retry", dated: false, afterDated)},
            {Stream("new_undated", "new", dated: false, afterDated)},
            next_due AS (
                SELECT id FROM (
                    SELECT * FROM callbacks UNION ALL SELECT * FROM retry_dated UNION ALL SELECT * FROM new_dated
                    UNION ALL SELECT * FROM retry_undated UNION ALL SELECT * FROM new_undated) due
                ORDER BY (status = 'callback') DESC, next_call_at NULLS LAST, id
                LIMIT {size})
            """;
    }

    private static readonly string PlainLease = $"""
        WITH {NextDue("@count", lockRows: true)}
        UPDATE leads l SET lease_owner = @owner, lease_expires_at = @now + @ttl, leased_at = @now
        FROM next_due WHERE l.id = next_due.id
        {LeasedColumns}
        """;

    /// <summary>
    /// First the window of next due leads, unlocked; then, from it, the preferred ones first, locked with SKIP LOCKED.
    /// The callable filter is repeated on the locked rows: PostgreSQL re-checks it on a row another run changed meanwhile.
    /// The window is handed over as an id array (primary-key lookups): as a join, the planner chose a second scan of the campaign.
    /// </summary>
    private static readonly string PreferredLease = $"""
        WITH {NextDue("@window", lockRows: false)},
        picked AS (
            SELECT l.id FROM leads l
            WHERE l.id = ANY (ARRAY(SELECT id FROM next_due)) AND {Callable}
            ORDER BY (l.status = 'callback') DESC,
                     EXISTS (SELECT 1 FROM unnest(@regions::text[], @zones::text[]) AS p(region, zone)
                             WHERE p.region = l.region AND p.zone = l.time_zone) DESC,
                     l.next_call_at NULLS LAST, l.id
            LIMIT @count
            FOR UPDATE OF l SKIP LOCKED)
        UPDATE leads l SET lease_owner = @owner, lease_expires_at = @now + @ttl, leased_at = @now
        FROM picked WHERE l.id = picked.id
        {LeasedColumns}
        """;

    /// <summary>
    /// A campaign's dials since <paramref name="since"/> per region, lead zone and local hour, with the humans reached
    /// (answered, or answered and abandoned): the history <see cref="BestTimeToCall"/> reads. Uses the campaign/time
    /// index of call_records and the leads' primary key; nothing scans the campaign's leads.
    /// </summary>
    public async Task<IReadOnlyList<RegionHourContacts>> ContactHistoryAsync(CampaignId campaign, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT c.region, l.time_zone, c.local_hour, count(*),
                   count(*) FILTER (WHERE c.outcome IN ('Answered', 'Abandoned'))
            FROM call_records c JOIN leads l ON l.id = c.lead_id
            WHERE c.campaign_id = @campaign AND c.started_at >= @since
              AND c.region IS NOT NULL AND c.local_hour IS NOT NULL
            GROUP BY c.region, l.time_zone, c.local_hour
            """);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("since", since.ToUniversalTime());
        var rows = new List<RegionHourContacts>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new RegionHourContacts(reader.GetString(0), reader.GetString(1), reader.GetInt16(2), reader.GetInt64(3), reader.GetInt64(4)));
        return rows;
    }

    /// <summary>
    /// Manual dial: leases the campaign's lead for this number, adding one (status <c>manual</c>, which the hopper never
    /// picks) when the list has none. Null when the number is being dialled or held by another lease right now.
    /// </summary>
    public async Task<LeasedLead?> LeaseNumberAsync(TenantId tenant, CampaignId campaign, NormalizedPhone phone, string owner, DateTimeOffset now,
        TimeSpan leaseFor, CancellationToken ct = default)
    {
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, status)
            VALUES (@tenant, @campaign, @phone, @kind, @region, @zone, 'manual')
            ON CONFLICT (campaign_id, phone_e164) DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue("tenant", tenant.Value);
            insert.Parameters.AddWithValue("campaign", campaign.Value);
            insert.Parameters.AddWithValue("phone", phone.E164);
            insert.Parameters.AddWithValue("kind", phone.Kind.Code());
            insert.Parameters.AddWithValue("region", phone.RegionCode);
            insert.Parameters.AddWithValue("zone", phone.TimeZone);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = dataSource.CreateCommand("""
            UPDATE leads l SET lease_owner = @owner, lease_expires_at = @now + @ttl, leased_at = @now
            WHERE l.campaign_id = @campaign AND l.phone_e164 = @phone AND l.status <> 'dialing'
              AND (l.lease_expires_at IS NULL OR l.lease_expires_at < @now)
            """ + LeasedColumns);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("phone", phone.E164);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("ttl", leaseFor);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadLeased(reader, campaign) : null;
    }

    /// <summary>What a lease returns: the lead, whether its number is on a DNC list, and its recent attempts (any campaign of the tenant).</summary>
    private const string LeasedColumns = """

        RETURNING l.id, l.tenant_id, l.phone_e164, l.region, l.time_zone, l.name, l.fields::text, l.attempts,
            l.next_call_at, l.callback_agent, l.off_hours_consent,
            EXISTS (SELECT 1 FROM dnc_numbers d
                    WHERE d.phone_e164 = l.phone_e164 AND (d.tenant_id IS NULL OR d.tenant_id = l.tenant_id)),
            ARRAY(SELECT c.started_at FROM call_records c
                  WHERE c.tenant_id = l.tenant_id AND c.phone_e164 = l.phone_e164 AND c.started_at > @now - interval '4 days'
                  ORDER BY c.started_at),
            ARRAY(SELECT c.outcome FROM call_records c
                  WHERE c.tenant_id = l.tenant_id AND c.phone_e164 = l.phone_e164 AND c.started_at > @now - interval '4 days'
                  ORDER BY c.started_at)
        """;

    private static LeasedLead ReadLeased(NpgsqlDataReader reader, CampaignId campaign)
    {
        var times = reader.GetFieldValue<DateTimeOffset[]>(12);
        var outcomes = reader.GetFieldValue<string[]>(13);
        return new LeasedLead(
            new LeadId(reader.GetInt64(0)), new TenantId(reader.GetGuid(1)), campaign, reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.GetString(6), reader.GetInt32(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetBoolean(10), reader.GetBoolean(11),
            times.Zip(outcomes, (t, o) => new PastAttempt(Instant.FromDateTimeOffset(t), Enum.Parse<CallOutcome>(o))).ToList());
    }

    /// <summary>
    /// Records that the lead is being dialled now: counts the attempt, opens its in-flight row (where the call notes what
    /// it learns, for the run that holds it) and returns the attempt's number; or null when this run no longer holds the
    /// lease (it expired and another run may have the lead): then do not dial. <paramref name="callId"/> names the call
    /// (see <see cref="CallNotPlaced"/>).
    /// </summary>
    public async Task<int?> MarkDialingAsync(LeadId lead, string owner, DateTimeOffset now, Guid? callId = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            WITH marked AS (
                UPDATE leads l SET status = 'dialing', attempts = l.attempts + 1, last_attempt_at = @now
                FROM (SELECT status FROM leads WHERE id = @id) before
                WHERE l.id = @id AND l.lease_owner = @owner AND l.lease_expires_at > @now AND l.status <> 'dialing'
                RETURNING l.id, l.attempts, before.status AS previous)
            INSERT INTO calls_in_flight (lead_id, attempt, run_id, lease_owner, call_id, previous_status, started_at)
            SELECT id, attempts, split_part(@owner, '/', 1), @owner, @call, previous, @now FROM marked
            ON CONFLICT (lead_id, attempt) DO UPDATE SET
                run_id = excluded.run_id, lease_owner = excluded.lease_owner, call_id = excluded.call_id, previous_status = excluded.previous_status,
                started_at = excluded.started_at, answered_at = NULL, answered_by = NULL, connected_at = NULL,
                agent = NULL, disposition = NULL, wrap_ended_at = NULL
            RETURNING attempt
            """);
        cmd.Parameters.AddWithValue("id", lead.Value);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("call", callId ?? Guid.CreateVersion7());
        return await cmd.ExecuteScalarAsync(ct) is int attempt ? attempt : null;
    }

    /// <summary>Gives back a leased lead that was not dialled.</summary>
    public async Task ReleaseAsync(LeadId lead, string owner, LeadRelease release, CancellationToken ct = default)
    {
        var (sql, configure) = release switch
        {
            LeadRelease.Unchanged => ("", (Action<NpgsqlCommand>)(_ => { })),
            LeadRelease.Deferred d => (", next_call_at = @until", c => c.Parameters.AddWithValue("until", d.Until.ToUniversalTime())),
            LeadRelease.Closed c => (", status = @status, last_outcome = @reason", (Action<NpgsqlCommand>)(cmd =>
            {
                cmd.Parameters.AddWithValue("status", c.Status);
                cmd.Parameters.AddWithValue("reason", c.Reason);
            })),
            _ => throw new ArgumentOutOfRangeException(nameof(release)),
        };
        await using var cmd = dataSource.CreateCommand(
            $"UPDATE leads SET lease_owner = NULL, lease_expires_at = NULL{sql} WHERE id = @id AND lease_owner = @owner AND status <> 'dialing'");
        cmd.Parameters.AddWithValue("id", lead.Value);
        cmd.Parameters.AddWithValue("owner", owner);
        configure(cmd);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Extends the leases of exactly the leads the run says it holds (buffered, offered, in flight) that are still its
    /// own and not run out (a lease that ran out during an outage is not revived: the lead may be anyone's now); returns
    /// those. A lead the run lost track of is not renewed, so its lease runs out and another run takes it.
    /// </summary>
    public async Task<IReadOnlySet<LeadId>> RenewAsync(string owner, IReadOnlyCollection<LeadId> held, DateTimeOffset now, TimeSpan leaseFor,
        CancellationToken ct = default)
    {
        if (held.Count == 0) return new HashSet<LeadId>();
        await using var cmd = dataSource.CreateCommand(
            "UPDATE leads SET lease_expires_at = @now + @ttl WHERE lease_owner = @owner AND lease_expires_at > @now AND id = ANY (@ids) RETURNING id");
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("ids", held.Select(l => l.Value).ToArray());
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("ttl", leaseFor);
        var renewed = new HashSet<LeadId>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) renewed.Add(new LeadId(reader.GetInt64(0)));
        return renewed;
    }

    /// <summary>Gives back every lead the owner leased and is not dialling, except <paramref name="keep"/>: what a restarted hopper lost.</summary>
    public async Task<int> ReleaseAllExceptAsync(string owner, IReadOnlyCollection<LeadId> keep, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE leads SET lease_owner = NULL, lease_expires_at = NULL
            WHERE lease_owner = @owner AND status <> 'dialing' AND NOT id = ANY (@keep)
            """);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("keep", keep.Select(l => l.Value).ToArray());
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Closes the attempts that a run of an older version (whose lease owner names no registered <see cref="DialerRun"/>)
    /// left in flight (status 'dialing', lease expired): each gets a call record with outcome Failed/interrupted, and the
    /// lead waits <paramref name="retryDelay"/> before it is callable again (or is done at the attempt limit). Registered
    /// runs' calls are closed with what they knew when the run is found dead (<see cref="InterruptedWork"/>).
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(
        CampaignId campaign, DateTimeOffset now, TimeSpan retryDelay, int maxAttempts, string dialMode, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            WITH stale AS (
                SELECT id, lease_owner FROM leads
                WHERE campaign_id = @campaign AND status = 'dialing' AND lease_expires_at < @now
                  AND NOT EXISTS (SELECT 1 FROM dialer_runs r WHERE r.id = split_part(lease_owner, '/', 1))
                FOR UPDATE SKIP LOCKED),
            closed AS (
                UPDATE leads l SET
                    status = CASE WHEN l.attempts >= @max THEN 'done' ELSE 'retry' END,
                    last_outcome = 'Failed', next_call_at = @now + @delay,
                    lease_owner = NULL, lease_expires_at = NULL
                FROM stale WHERE l.id = stale.id
                RETURNING l.id, l.tenant_id, l.campaign_id, l.attempts, l.phone_e164, l.region, l.last_attempt_at, stale.lease_owner AS owner),
            forgotten AS (DELETE FROM calls_in_flight f USING closed c WHERE f.lead_id = c.id AND f.attempt = c.attempts)
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, region, dial_mode,
                                      started_at, ended_at, outcome, failure_reason, run_id)
            SELECT gen_random_uuid(), tenant_id, campaign_id, id, attempts, phone_e164, region, @mode,
                   coalesce(last_attempt_at, @now), @now, 'Failed', 'interrupted', coalesce(owner, 'recovered')
            FROM closed
            ON CONFLICT (lead_id, attempt) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("delay", retryDelay);
        cmd.Parameters.AddWithValue("max", maxAttempts);
        cmd.Parameters.AddWithValue("mode", dialMode);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds refusal counts per reason for today (UTC) so that reports can show why leads were not dialled.</summary>
    public async Task CountRefusalsAsync(TenantId tenant, CampaignId campaign, DateTimeOffset now,
        IReadOnlyDictionary<RefusalReason, int> counts, CancellationToken ct = default)
    {
        if (counts.Count == 0) return;
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO compliance_refusals (tenant_id, campaign_id, day, reason, count)
            SELECT @tenant, @campaign, @day, r, c FROM unnest(@reasons, @counts) AS u(r, c)
            ON CONFLICT (campaign_id, day, reason) DO UPDATE SET count = compliance_refusals.count + excluded.count
            """);
        cmd.Parameters.AddWithValue("tenant", tenant.Value);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("day", DateOnly.FromDateTime(now.UtcDateTime));
        cmd.Parameters.AddWithValue("reasons", counts.Keys.Select(r => r.Code()).ToArray());
        cmd.Parameters.AddWithValue("counts", counts.Values.ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
