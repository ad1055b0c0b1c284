using System.Text.Json;
using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Pacing;
using Outbound.Core.Simulation;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.VirtualTime;
using Outbound.Telephony.Simulated;

namespace Outbound.Dialer.Simulation;

/// <summary>
/// <c>bench pacing --live</c>: one scenario through one strategy on the dialer's own code path. A scratch tenant and
/// campaign with the scenario's list go into PostgreSQL; the campaign actor with its hopper and call actors, the agent
/// sessions and a simulated person at each desk run in an actor system on a <see cref="VirtualClock"/>, against the
/// simulated carrier playing the scenario's callees; the hopper leases from PostgreSQL and the call records are written
/// there, as in production. The clock stands still while an actor awaits the database, so the figures are those of the
/// shift, not of the machine. The row is counted from what the carrier saw (<see cref="ObservedTelephony"/>): people put
/// through, people abandoned or hung up on by the detector, numbers dialled that may not be. The scratch data is
/// removed afterwards.
/// </summary>
public static class LivePacingBench
{
    /// <summary>The campaign's own result code for a call with a person, beside the built-in answering machine.</summary>
    private static readonly Disposition Contacted = new(SimulatedAgentActor.Contacted, "已联系", true, true, true);

    public static async Task<PacingRun> RunAsync(NpgsqlDataSource db, PacingScenario scenario, string strategy, CancellationToken ct = default)
    {
        PacingScenarios.Validate(scenario);
        if (scenario.AbandonWindowHours < 1 || scenario.AbandonWindowHours % 1 != 0)
            throw new PacingScenarioException($"scenario '{scenario.Name}': the live bench needs a whole number of hours as abandon window");
        var start = PacingSimulator.ShiftStart;
        var world = new ScenarioWorld(scenario, start);
        var tenant = TenantId.New();
        var campaign = CampaignId.New();
        await SeedAsync(db, world, tenant, campaign, strategy, ct);
        try
        {
            var run = await RunShiftAsync(db, world, campaign, strategy, ct);
            var notices = (await new CampaignNotices(db).RecentAsync(campaign, int.MaxValue, ct))
                .OrderBy(n => n.At).Select(n => new PacingNotice(n.Kind, n.At, n.AbandonRate, n.FalsePositiveRate)).ToList();
            return run with
            {
                Notices = notices,
                DetectorOffAt = notices.FirstOrDefault(n => n.Kind == PacingNoticeKind.DetectorOff)?.At is { } off
                    ? (off - world.ShiftStart).TotalSeconds : null,
            };
        }
        finally
        {
            await CleanUpAsync(db, tenant, campaign);
        }
    }

    private static async Task<PacingRun> RunShiftAsync(NpgsqlDataSource db, ScenarioWorld world, CampaignId campaign, string strategy, CancellationToken ct)
    {
        var scenario = world.Scenario;
        var system = ActorSystem.Create("bench-pacing", VirtualTimeConfig.Hocon(world.ShiftStart));
        var clock = VirtualClock.Of(system);
        using var carrier = new SimulatedTelephony(new SimulatedCarrierOptions(), clock, world.Originate);
        var telephony = new ObservedTelephony(carrier, clock);
        await using var records = new DurableWriter(db, NullLogger<DurableWriter>.Instance);
        var services = new DialerServices(new CampaignStore(db), new LeadHopper(db), records, telephony, clock,
            Options(scenario, strategy), new PacingOptions(), History: new PacingHistoryQuery(db), Notices: new CampaignNotices(db));
        try
        {
            var actor = system.ActorOf(CampaignActor.Props(campaign, services), "campaign");
            for (var k = 0; k < scenario.Agents; k++)
                system.ActorOf(SimulatedAgentActor.Props($"bench-agent-{k + 1}", campaign, actor, services, world.Agent(k)), $"agent-{k + 1}");
            var started = await actor.Ask<object>(new CampaignCommands.Start(campaign), cancellationToken: ct);
            if (started is not CampaignReplies.CommandAccepted) throw new InvalidOperationException($"the bench campaign did not start: {started}");
            await clock.RunUntilAsync(world.ShiftEnd).WaitAsync(ct);
            await actor.Ask<object>(new CampaignCommands.Pause(campaign), cancellationToken: ct);
            Console.Error.WriteLine($"io waits {clock.IoWaits} {clock.IoWaitMs:F0} ms: " + string.Join(" ", clock.WaitsBy.OrderByDescending(w => w.Value).Take(8).Select(w => $"{w.Key}={w.Value:F0}")));
            return Count(world, strategy, telephony.Legs);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => { });
            clock.Dispose();
        }
    }

    /// <summary>The dialer's settings for the scenario: its ring timeout and connect limit, the desk leaves after-call work only with a result.</summary>
    private static DialerOptions Options(PacingScenario scenario, string strategy) => new()
    {
        RingTimeout = TimeSpan.FromSeconds(scenario.NoAnswerSeconds),
        ConnectWithin = TimeSpan.FromSeconds(scenario.ConnectWithinSeconds),
        PredictiveStrategy = strategy == PacingStrategies.Progressive ? PacingStrategies.Predictive : strategy,
    };

    /// <summary>
    /// The truth of the shift from the carrier's side: a person put through is a live call connected, a person answered
    /// and then hung up on by the dialer (after the information message, or at once on a false machine verdict) one
    /// abandoned; talk counts until the shift's end. Dials after the end, to do-not-call numbers or twice to one number
    /// are violations.
    /// </summary>
    private static PacingRun Count(ScenarioWorld world, string strategy, IReadOnlyCollection<ObservedLeg> legs)
    {
        var scenario = world.Scenario;
        var start = world.ShiftStart;
        var end = world.ShiftEnd;
        var ledger = new AbandonLedger(scenario.AbandonWindowHours * 3600);
        var events = new List<(double At, bool Abandoned)>();
        int calls = 0, violations = 0, falsePositives = 0, messages = 0;
        var talk = 0.0;
        foreach (var leg in legs)
        {
            var index = ScenarioDraws.IndexOf(leg.Number);
            if (leg.PlacedAt >= end || index is null || ScenarioDraws.IsDnc(index.Value)) violations++;
            if (leg.PlacedAt >= end) continue;
            calls++;
            if (world.CalleeOf(leg.Number)?.Party != DialedParty.Human) continue;
            if (leg.BridgedAt is { } bridged && bridged < end)
            {
                events.Add(((bridged - start).TotalSeconds, false));
                talk += ((leg.EndedAt is { } ended && ended < end ? ended : end) - bridged).TotalSeconds;
            }
            else if (leg is { AnsweredAt: not null, EndedByUs: true, EndedAt: { } hungUp } && hungUp < end)
            {
                events.Add(((hungUp - start).TotalSeconds, true));
                if (leg.Prompted) messages++;
                else falsePositives++;
            }
        }
        violations += legs.GroupBy(l => l.Number).Sum(g => g.Count() - 1);
        foreach (var (at, abandoned) in events.OrderBy(e => e.At)) ledger.Record(at, abandoned);
        var seconds = scenario.Hours * 3600;
        var utilization = talk / (scenario.Agents * seconds);
        var ideal = PacingSimulator.Ideal(scenario);
        return new PacingRun(new PacingResultRow
        {
            Scenario = scenario.Name,
            Strategy = strategy,
            Mode = PacingResultRow.Live,
            Agents = scenario.Agents,
            Utilization = Math.Round(utilization, 4),
            Ideal = Math.Round(ideal, 4),
            RatioToIdeal = Math.Round(utilization / ideal, 4),
            AbandonRate = Math.Round(ledger.Rate, 5),
            MaxWindowAbandonRate = Math.Round(ledger.MaxWindowRate(seconds), 5),
            Calls = calls,
            Connects = ledger.Connected,
            TalkMinutesPerAgentHour = Math.Round(talk / 60 / (scenario.Agents * scenario.Hours), 3),
            Violations = violations,
        }, ledger.Abandoned, falsePositives, messages, talk, LeadsLeft: null);
    }

    /// <summary>
    /// The scenario's campaign: Ofcom's rules where false positives count (no statutory hours), else none; one attempt per
    /// lead; the scenario's cap, window and detector. The list holds the scenario's leads (or enough for the shift), every
    /// <see cref="ScenarioDraws.DncEvery"/>-th number on the tenant's do-not-call list.
    /// </summary>
    private static async Task SeedAsync(NpgsqlDataSource db, ScenarioWorld world, TenantId tenant, CampaignId campaign, string strategy, CancellationToken ct)
    {
        var scenario = world.Scenario;
        var settings = new CampaignSettings
        {
            Regulator = scenario.CountAmdFalsePositives ? RegulatorPreset.UkOfcom : RegulatorPreset.Custom,
            AbandonCap = (decimal)scenario.AbandonCap,
            AbandonWindowHours = (int)scenario.AbandonWindowHours,
            MaxAttempts = 1,
            CallerId = "+861095500",
            WrapUpSeconds = (int)Math.Round(scenario.WrapSeconds),
            AmdEnabled = true,
            AmdFalsePositiveRate = (decimal)scenario.ConfiguredFalsePositiveRate,
            RecordCalls = false,
            Dispositions = [Contacted],
        };
        var mode = strategy == PacingStrategies.Progressive ? DialMode.Progressive : DialMode.Predictive;
        var code = "bench-pacing-" + campaign.Value.ToString("N")[..12];
        await using var cmd = db.CreateCommand("""
            INSERT INTO tenants (id, code, name) VALUES (@tenant, @code, 'bench pacing');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            VALUES (@campaign, @tenant, @code, 'bench pacing', 'Collections', @mode, 'draft', @settings::jsonb);
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, status)
            SELECT @tenant, @campaign, @prefix || lpad(n::text, 8, '0'), 'mobile', 'CN-31', 'Asia/Shanghai', 'bench ' || n, 'new'
            FROM generate_series(0, @leads - 1) AS n ORDER BY n;
            INSERT INTO dnc_numbers (tenant_id, phone_e164, reason)
            SELECT @tenant, @prefix || lpad(n::text, 8, '0'), 'bench' FROM generate_series(@dnc - 1, @leads - 1, @dnc) AS n;
            ANALYZE leads;
            """);
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddWithValue("tenant", tenant.Value);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("mode", mode.ToString());
        cmd.Parameters.AddWithValue("settings", JsonSerializer.Serialize(settings, CampaignSettingsJson.Options));
        cmd.Parameters.AddWithValue("prefix", ScenarioDraws.PhoneOf(0)[..^8]);
        cmd.Parameters.AddWithValue("leads", scenario.Leads ?? LeadsForShift(scenario));
        cmd.Parameters.AddWithValue("dnc", ScenarioDraws.DncEvery);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>More numbers than the shift can dial: every agent on short calls, at the lowest answer rate.</summary>
    private static int LeadsForShift(PacingScenario scenario)
    {
        var answerRate = Math.Max(0.02, (scenario.AnswerRateByHour ?? []).Append(scenario.AnswerRate).Min());
        var connects = scenario.Agents * scenario.Hours * 3600 / (0.5 * scenario.TalkSeconds.Mean + scenario.WrapSeconds);
        return (int)Math.Ceiling(connects / answerRate * 1.5) + 1000;
    }

    private static async Task CleanUpAsync(NpgsqlDataSource db, TenantId tenant, CampaignId campaign)
    {
        await using var cmd = db.CreateCommand("""
            DELETE FROM call_records WHERE tenant_id = @tenant;
            DELETE FROM agent_state_events WHERE session_id IN (SELECT id FROM agent_sessions WHERE campaign_id = @campaign);
            DELETE FROM agent_sessions WHERE campaign_id = @campaign;
            DELETE FROM compliance_refusals WHERE campaign_id = @campaign;
            DELETE FROM leads WHERE tenant_id = @tenant;
            DELETE FROM dnc_numbers WHERE tenant_id = @tenant;
            DELETE FROM campaigns WHERE tenant_id = @tenant;
            DELETE FROM tenants WHERE id = @tenant;
            """);
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddWithValue("tenant", tenant.Value);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        await cmd.ExecuteNonQueryAsync();
    }
}
