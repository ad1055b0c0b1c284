using Npgsql;

namespace Outbound.Cli.Bench;

/// <summary>A scratch tenant, campaign and user for a bench, removed with everything it owns (history included: its append-only triggers are bypassed for this one session).</summary>
public sealed record BenchScratch(NpgsqlDataSource DataSource, Guid Tenant, Guid Campaign, Guid User, string Code)
{
    public static async Task<BenchScratch> CreateAsync(NpgsqlDataSource dataSource, string prefix)
    {
        var code = prefix + "-" + Guid.NewGuid().ToString("N")[..10];
        var scratch = new BenchScratch(dataSource, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), code);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO tenants (id, code, name) VALUES (@tenant, @code, 'bench');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings) VALUES (@campaign, @tenant, @code, 'bench', 'Inbound', 'Manual', '{}');
            INSERT INTO users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed, phone_number_confirmed,
                               two_factor_enabled, lockout_enabled, access_failed_count, tenant_id)
            VALUES (@user, 'bench', @code, upper(@code), @code || '@bench.local', upper(@code || '@bench.local'), true, false, false, false, 0, NULL);
            """);
        cmd.Parameters.AddWithValue("tenant", scratch.Tenant);
        cmd.Parameters.AddWithValue("campaign", scratch.Campaign);
        cmd.Parameters.AddWithValue("user", scratch.User);
        cmd.Parameters.AddWithValue("code", code);
        await cmd.ExecuteNonQueryAsync();
        return scratch;
    }

    public async Task DropAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand($"""
            SET LOCAL session_replication_role = replica;
            DELETE FROM work_order_notices WHERE tenant_id = '{Tenant}';
            DELETE FROM work_order_escalations WHERE tenant_id = '{Tenant}';
            DELETE FROM work_order_events WHERE tenant_id = '{Tenant}';
            DELETE FROM work_order_attachments WHERE tenant_id = '{Tenant}';
            DELETE FROM work_orders WHERE tenant_id = '{Tenant}';
            DELETE FROM wo_sla_policies WHERE type_id IN (SELECT id FROM wo_types WHERE tenant_id = '{Tenant}');
            DELETE FROM kb_flags WHERE tenant_id = '{Tenant}';
            DELETE FROM kb_attachments WHERE tenant_id = '{Tenant}';
            DELETE FROM kb_proposals WHERE tenant_id = '{Tenant}';
            DELETE FROM kb_policy_changes WHERE tenant_id = '{Tenant}';
            DELETE FROM kb_article_versions WHERE article_id IN (SELECT id FROM kb_articles WHERE tenant_id = '{Tenant}');
            DELETE FROM kb_articles WHERE tenant_id = '{Tenant}';
            DELETE FROM kb_categories WHERE tenant_id = '{Tenant}';
            DELETE FROM kb_synonyms WHERE tenant_id = '{Tenant}';
            DELETE FROM wo_types WHERE tenant_id = '{Tenant}';
            DELETE FROM wo_department_members WHERE department_id IN (SELECT id FROM wo_departments WHERE tenant_id = '{Tenant}');
            DELETE FROM wo_departments WHERE tenant_id = '{Tenant}';
            DELETE FROM campaigns WHERE tenant_id = '{Tenant}';
            DELETE FROM tenants WHERE id = '{Tenant}';
            DELETE FROM users WHERE id = '{User}';
            """, connection, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}
