using System.Text.Json;
using Dapper;
using Npgsql;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;

namespace Outbound.Data.Desk;

/// <summary>An inbound queue's stored settings: the policy, the overflow queue's campaign and each agent's skills and levels.</summary>
public sealed record StoredQueueSettings(
    QueuePolicy Policy,
    CampaignId? OverflowCampaign,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> AgentSkills,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

/// <summary>Stores each inbound campaign's queue settings (<c>inbound_queue_settings</c>); callers validate before saving.</summary>
public sealed class InboundQueueSettings(NpgsqlDataSource dataSource)
{
    private sealed record Row(
        Guid campaign_id, string strategy, int tier_escalation_seconds, double priority_per_minute, int wrap_up_seconds,
        int offer_timeout_seconds, int no_answer_delay_seconds, int reject_delay_seconds, int max_no_answer, int max_wait_seconds,
        string overflow, Guid? overflow_campaign_id, string? overflow_code, string music_on_hold_prompt, int announce_every_seconds,
        bool announce_position, bool announce_expected_wait, int service_level_seconds, string agent_skills, DateTime updated_at, string updated_by);

    public async Task<StoredQueueSettings?> FindAsync(CampaignId campaign, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT s.campaign_id, s.strategy, s.tier_escalation_seconds, s.priority_per_minute, s.wrap_up_seconds, s.offer_timeout_seconds,
                   s.no_answer_delay_seconds, s.reject_delay_seconds, s.max_no_answer, s.max_wait_seconds, s.overflow,
                   s.overflow_campaign_id, o.code AS overflow_code, s.music_on_hold_prompt, s.announce_every_seconds, s.announce_position,
                   s.announce_expected_wait, s.service_level_seconds, s.agent_skills::text AS agent_skills, s.updated_at, s.updated_by
            FROM inbound_queue_settings s LEFT JOIN campaigns o ON o.id = s.overflow_campaign_id
            WHERE s.campaign_id = @c
            """, new { c = campaign.Value }, cancellationToken: ct));
        if (row is null) return null;
        var policy = new QueuePolicy
        {
            Strategy = RoutingStrategyCodes.Parse(row.strategy) ?? RoutingStrategy.LongestIdle,
            TierEscalationStep = TimeSpan.FromSeconds(row.tier_escalation_seconds),
            PriorityPerMinute = row.priority_per_minute,
            WrapUp = TimeSpan.FromSeconds(row.wrap_up_seconds),
            OfferTimeout = TimeSpan.FromSeconds(row.offer_timeout_seconds),
            NoAnswerDelay = TimeSpan.FromSeconds(row.no_answer_delay_seconds),
            RejectDelay = TimeSpan.FromSeconds(row.reject_delay_seconds),
            MaxNoAnswer = row.max_no_answer,
            MaxWait = TimeSpan.FromSeconds(row.max_wait_seconds),
            Overflow = Enum.Parse<OverflowAction>(row.overflow),
            OverflowQueue = row.overflow_code,
            MusicOnHoldPrompt = row.music_on_hold_prompt,
            AnnounceEvery = TimeSpan.FromSeconds(row.announce_every_seconds),
            AnnouncePosition = row.announce_position,
            AnnounceExpectedWait = row.announce_expected_wait,
            ServiceLevelTarget = TimeSpan.FromSeconds(row.service_level_seconds),
        };
        var skills = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(row.agent_skills) ?? [];
        return new StoredQueueSettings(policy, row.overflow_campaign_id is { } o ? new CampaignId(o) : null,
            skills.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, int>)s.Value),
            new DateTimeOffset(DateTime.SpecifyKind(row.updated_at, DateTimeKind.Utc)), row.updated_by);
    }

    public async Task SaveAsync(TenantId tenant, CampaignId campaign, QueuePolicy policy, CampaignId? overflowCampaign,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> agentSkills, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO inbound_queue_settings (campaign_id, tenant_id, strategy, tier_escalation_seconds, priority_per_minute, wrap_up_seconds,
                offer_timeout_seconds, no_answer_delay_seconds, reject_delay_seconds, max_no_answer, max_wait_seconds, overflow,
                overflow_campaign_id, music_on_hold_prompt, announce_every_seconds, announce_position, announce_expected_wait,
                service_level_seconds, agent_skills, updated_at, updated_by)
            VALUES (@campaign, @tenant, @strategy, @tier, @priority, @wrap, @offer, @noAnswer, @reject, @maxNoAnswer, @maxWait, @overflow,
                @overflowCampaign, @prompt, @announce, @position, @expected, @serviceLevel, @skills::jsonb, @at, @by)
            ON CONFLICT (campaign_id) DO UPDATE SET strategy = excluded.strategy, tier_escalation_seconds = excluded.tier_escalation_seconds,
                priority_per_minute = excluded.priority_per_minute, wrap_up_seconds = excluded.wrap_up_seconds,
                offer_timeout_seconds = excluded.offer_timeout_seconds, no_answer_delay_seconds = excluded.no_answer_delay_seconds,
                reject_delay_seconds = excluded.reject_delay_seconds, max_no_answer = excluded.max_no_answer,
                max_wait_seconds = excluded.max_wait_seconds, overflow = excluded.overflow, overflow_campaign_id = excluded.overflow_campaign_id,
                music_on_hold_prompt = excluded.music_on_hold_prompt, announce_every_seconds = excluded.announce_every_seconds,
                announce_position = excluded.announce_position, announce_expected_wait = excluded.announce_expected_wait,
                service_level_seconds = excluded.service_level_seconds, agent_skills = excluded.agent_skills,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, new
        {
            campaign = campaign.Value, tenant = tenant.Value, strategy = policy.Strategy.Code(),
            tier = Seconds(policy.TierEscalationStep), priority = policy.PriorityPerMinute, wrap = Seconds(policy.WrapUp),
            offer = Seconds(policy.OfferTimeout), noAnswer = Seconds(policy.NoAnswerDelay), reject = Seconds(policy.RejectDelay),
            maxNoAnswer = policy.MaxNoAnswer, maxWait = Seconds(policy.MaxWait), overflow = policy.Overflow.ToString(),
            overflowCampaign = policy.Overflow == OverflowAction.OverflowQueue ? overflowCampaign?.Value : null,
            prompt = policy.MusicOnHoldPrompt, announce = Seconds(policy.AnnounceEvery), position = policy.AnnouncePosition,
            expected = policy.AnnounceExpectedWait, serviceLevel = Seconds(policy.ServiceLevelTarget),
            skills = JsonSerializer.Serialize(agentSkills), at = at.UtcDateTime, by,
        }, cancellationToken: ct));
    }

    private static int Seconds(TimeSpan t) => (int)Math.Round(t.TotalSeconds);
}
