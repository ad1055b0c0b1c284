using Dapper;
using Npgsql;
using Outbound.Core.Lists;
using Outbound.Data.Identity;

namespace Outbound.Data.Desk;

public sealed record DeskCampaign(Guid Id, Guid TenantId, string Code, string Name, string Kind, string DialMode);

public sealed record DeskLead(long Id, Guid TenantId, Guid CampaignId, string PhoneE164, string? Name, string Fields, string Status,
    int Attempts, DateTime? NextCallAt);

/// <summary>One line of a customer's contact history: an outbound attempt, an inbound call or a saved desk form.</summary>
/// <param name="AgentName">The agent's display name (the desk shows people by name, not by id).</param>
public sealed record ContactHistoryItem(DateTime At, string Kind, string? Agent, string Outcome, string? Disposition, string? Detail, string? AgentName)
{
    /// <summary>A demo bot's number, when a bot took the call.</summary>
    public int? AgentBot => Core.Identity.BotAgents.TryParse(Agent, out var number) ? number : null;
}

/// <summary>
/// What the agent desk reads. Every lead query joins <c>campaign_agents</c>: an agent sees only the leads
/// of campaigns it is assigned to.
/// </summary>
public sealed class DeskQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<DeskCampaign>> AssignedCampaignsAsync(Guid user, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DeskCampaign>(new CommandDefinition("""
            SELECT c.id, c.tenant_id AS TenantId, c.code, c.name, c.kind, c.dial_mode AS DialMode FROM campaigns c
            JOIN campaign_agents a ON a.campaign_id = c.id AND a.user_id = @user
            ORDER BY c.code
            """, new { user }, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Leads of the agent's campaigns by phone number, name, lead id or a custom field's value. A term that is a whole
    /// phone number, written any way people write one ("138 0013 8000", "+86…", "021-…"), is looked up by its E.164
    /// form through the campaign/number index: the usual search, a customer's number, stays instant on campaigns of a
    /// million leads. Anything else (part of a number, a name, an id, a field value) scans the agent's leads.
    /// </summary>
    public async Task<IReadOnlyList<DeskLead>> SearchAsync(Guid user, string term, int limit = 50, CancellationToken ct = default)
    {
        term = term.Trim();
        if (term.Length == 0) return [];
        var phone = Phones.Normalize(term).Phone?.E164;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DeskLead>(new CommandDefinition(phone is null ? ScanSearch : NumberSearch,
            new { user, term, phone, limit }, cancellationToken: ct))).ToList();
    }

    private static readonly PhoneNormalizer Phones = new();

    private const string LeadColumns = """
        l.id, l.tenant_id AS TenantId, l.campaign_id AS CampaignId, l.phone_e164 AS PhoneE164, l.name, l.fields::text AS fields,
        l.status, l.attempts, l.next_call_at AS NextCallAt
        """;

    private const string NumberSearch = $"""
        SELECT {LeadColumns}
        FROM leads l JOIN campaign_agents a ON a.campaign_id = l.campaign_id AND a.user_id = @user
        WHERE l.phone_e164 = @phone
        ORDER BY l.id LIMIT @limit
        """;

    private const string ScanSearch = $"""
        SELECT {LeadColumns}
        FROM leads l JOIN campaign_agents a ON a.campaign_id = l.campaign_id AND a.user_id = @user
        WHERE l.phone_e164 LIKE '%' || @term || '%' OR l.name LIKE '%' || @term || '%' OR l.id::text = @term
           OR EXISTS (SELECT 1 FROM jsonb_each_text(l.fields) f WHERE f.value = @term)
        ORDER BY l.id LIMIT @limit
        """;

    /// <summary>Every contact with this number in the tenant, newest first: dialler attempts, inbound calls and desk forms.</summary>
    public async Task<IReadOnlyList<ContactHistoryItem>> HistoryAsync(Guid tenant, string phone, int limit = 50, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ContactHistoryItem>(new CommandDefinition("""
            SELECT h.at, h.kind, h.agent, h.outcome, h.disposition, h.detail, u.display_name AS agentname FROM (
                SELECT started_at AS at, 'outbound' AS kind, agent, outcome, disposition, NULL AS detail
                FROM call_records WHERE tenant_id = @tenant AND phone_e164 = @phone
                UNION ALL
                SELECT arrived_at, 'inbound', agent, outcome, disposition, NULL
                FROM inbound_calls WHERE tenant_id = @tenant AND caller_number = @phone
                UNION ALL
                SELECT f.saved_at, 'form', f.agent, f.disposition, f.disposition,
                       concat_ws(' · ', CASE WHEN f.promise_amount IS NOT NULL THEN 'PTP ' || f.promise_amount || ' @ ' || f.promise_date END,
                                 f.payment_plan, f.refusal_reason, f.note)
                FROM desk_call_forms f JOIN leads l ON l.id = f.lead_id
                WHERE f.tenant_id = @tenant AND l.phone_e164 = @phone
                  -- per campaign, so the campaign/number index finds the leads instead of a scan of every lead
                  AND l.campaign_id IN (SELECT id FROM campaigns WHERE tenant_id = @tenant)
            ) h LEFT JOIN users u ON u.id::text = h.agent
            ORDER BY h.at DESC LIMIT @limit
            """, new { tenant, phone, limit }, cancellationToken: ct))).ToList();
    }

    /// <summary>Display names of users by id (the wallboard shows names, sessions know ids).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string> userIds, CancellationToken ct = default) =>
        (await new AgentDirectory(dataSource).NamesAsync(userIds, ct)).Values.Where(n => n.DisplayName is not null)
            .ToDictionary(n => n.Id, n => n.DisplayName!);
}
