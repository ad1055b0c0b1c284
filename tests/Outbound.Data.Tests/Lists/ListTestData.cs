using System.Text;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;
using Outbound.Data.Lists;
using Outbound.Testing;

namespace Outbound.Data.Tests.Lists;

/// <summary>Tenants, campaigns and list files for the list-loading tests, each test getting its own.</summary>
internal static class ListTestData
{
    public const string CollectionsHeader = "姓名,手机号码,金额,逾期天数";

    public static async Task<(TenantId Tenant, CampaignId Campaign)> NewCampaignAsync(PgTestDatabase db, TenantId? tenant = null,
        string settingsJson = "{}")
    {
        var tenantId = tenant ?? new TenantId(Guid.CreateVersion7());
        var campaign = new CampaignId(Guid.CreateVersion7());
        var code = Guid.NewGuid().ToString("N")[..12];
        await using var cmd = db.DataSource.CreateCommand("""
            INSERT INTO tenants (id, code, name) VALUES (@t, 't-' || @code, 'test') ON CONFLICT (id) DO NOTHING;
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES (@c, @t, 'c-' || @code, 'test', 'Collections', 'Predictive', @s::jsonb);
            """);
        cmd.Parameters.AddWithValue("t", tenantId.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("s", settingsJson);
        await cmd.ExecuteNonQueryAsync();
        return (tenantId, campaign);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gbk(string text) => ListEncodingDetector.Gb18030.GetBytes(text);

    /// <summary>A file of <paramref name="rows"/> distinct valid mobiles.</summary>
    public static string Mobiles(int rows, int first = 0) =>
        CollectionsHeader + "\n" + string.Concat(Enumerable.Range(first, rows).Select(i => $"客户{i},138{i:D8},{i % 1000}.50,{i % 90}\n"));

    public static Task<ListImportResult> ImportAsync(PgTestDatabase db, TenantId tenant, CampaignId campaign, byte[] file,
        ListEncodingChoice encoding = ListEncodingChoice.Auto, IReadOnlyDictionary<string, string>? map = null,
        IProgress<ListImportProgress>? progress = null, CancellationToken ct = default) =>
        new ListImporter(db.DataSource, TimeProvider.System).ImportAsync(
            new ListImportRequest(tenant, campaign, "list.csv", encoding, map), new MemoryStream(file), progress, ct);

    public static async Task<long> ScalarAsync(PgTestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public static async Task ExecuteAsync(PgTestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    public static Task<long> LeadCountAsync(PgTestDatabase db, CampaignId campaign) =>
        ScalarAsync(db, "SELECT count(*) FROM leads WHERE campaign_id = @c", ("c", campaign.Value));
}

/// <summary>Records every report synchronously (Progress&lt;T&gt; would post to the thread pool and race the assertions).</summary>
internal sealed class RecordingProgress(Action<ListImportProgress>? onReport = null) : IProgress<ListImportProgress>
{
    private readonly List<ListImportProgress> _reports = [];

    public IReadOnlyList<ListImportProgress> Reports
    {
        get { lock (_reports) return _reports.ToList(); }
    }

    public void Report(ListImportProgress value)
    {
        lock (_reports) _reports.Add(value);
        onReport?.Invoke(value);
    }
}
