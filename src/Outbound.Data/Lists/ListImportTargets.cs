using System.Text.Json;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;

namespace Outbound.Data.Lists;

/// <summary>Finds the campaign a list goes into, only within its tenant, with the fields its columns may map to.</summary>
public static class ListImportTargets
{
    /// <summary>Tenant and campaign ids from their codes (the CLI's way in); null when no such campaign belongs to that tenant.</summary>
    public static async Task<(TenantId Tenant, CampaignId Campaign)?> ResolveAsync(NpgsqlDataSource dataSource,
        string tenantCode, string campaignCode, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT t.id, c.id FROM campaigns c JOIN tenants t ON t.id = c.tenant_id
            WHERE t.code = @tenant AND c.code = @campaign
            """);
        cmd.Parameters.AddWithValue("tenant", tenantCode);
        cmd.Parameters.AddWithValue("campaign", campaignCode);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (new TenantId(reader.GetGuid(0)), new CampaignId(reader.GetGuid(1)));
    }

    /// <summary>The standard fields plus the campaign's custom lead fields; throws when the campaign is not the tenant's.</summary>
    internal static async Task<IReadOnlyList<ListField>> FieldsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        TenantId tenant, CampaignId campaign, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT settings::text FROM campaigns WHERE id = @c AND tenant_id = @t", connection, tx);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        var settings = await cmd.ExecuteScalarAsync(ct) as string
            ?? throw new ListImportFailedException($"活动不存在或不属于该客户 / campaign {campaign} does not exist for tenant {tenant}", null);
        return StandardListFields.For(CustomFields(settings));
    }

    /// <summary>
    /// Reads only <c>CustomFields</c> from the settings JSON (either casing, type as name or number),
    /// so that the rest of the settings document can evolve without breaking list loading.
    /// </summary>
    internal static IReadOnlyList<LeadFieldDefinition> CustomFields(string settingsJson)
    {
        using var doc = JsonDocument.Parse(settingsJson);
        var list = new List<LeadFieldDefinition>();
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return list;
        var fields = Property(doc.RootElement, "CustomFields") ?? Property(doc.RootElement, "custom_fields");
        if (fields is not { ValueKind: JsonValueKind.Array } array) return list;
        foreach (var f in array.EnumerateArray())
        {
            var key = Property(f, "Key")?.GetString();
            if (string.IsNullOrWhiteSpace(key)) continue;
            var label = Property(f, "Label")?.GetString() ?? key;
            var type = Property(f, "Type") switch
            {
                { ValueKind: JsonValueKind.Number } n => (LeadFieldType)n.GetInt32(),
                { ValueKind: JsonValueKind.String } s when Enum.TryParse<LeadFieldType>(s.GetString(), true, out var t) => t,
                _ => LeadFieldType.Text,
            };
            var required = Property(f, "Required") is { ValueKind: JsonValueKind.True };
            list.Add(new LeadFieldDefinition(key, label, type, required));
        }
        return list;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in element.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }
}
