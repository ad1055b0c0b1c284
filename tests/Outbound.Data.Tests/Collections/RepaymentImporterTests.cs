using System.Text;
using Microsoft.Extensions.Time.Testing;
using Outbound.Core.Campaigns;
using Outbound.Core.Collections;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data.Collections;
using Outbound.Testing;

namespace Outbound.Data.Tests.Collections;

public sealed class RepaymentImporterTests : IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private readonly PgTestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 20, 4, 0, 0, TimeSpan.Zero));
    private RepaymentImporter _importer = null!;
    private TenantId _bank = null!, _other = null!;
    private CampaignId _campaign = null!, _otherCampaign = null!;
    private long[] _leads = [], _otherLeads = [];

    static RepaymentImporterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _importer = new RepaymentImporter(_db.DataSource, _clock, graceDays: 3);
        _bank = await BillingSeed.TenantAsync(_db.DataSource, "bank");
        _other = await BillingSeed.TenantAsync(_db.DataSource, "other");
        _campaign = await BillingSeed.CampaignAsync(_db.DataSource, _bank, "bank-1", new CampaignSettings());
        _otherCampaign = await BillingSeed.CampaignAsync(_db.DataSource, _other, "other-1", new CampaignSettings());
        _leads = await BillingSeed.LeadsAsync(_db.DataSource, _bank, _campaign, 4);             // +8613900000001 … 04
        _otherLeads = await BillingSeed.LeadsAsync(_db.DataSource, _other, _otherCampaign, 6);  // … 05 and 06 only there
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task PromiseAsync(long lead, decimal amount, DateOnly due, CampaignId? campaign = null, TenantId? tenant = null) =>
        BillingSeed.PromiseAsync(_db.DataSource, tenant ?? _bank, campaign ?? _campaign, new PromiseFact(lead, "a1", amount, due, null),
            new DateTimeOffset(2026, 3, 1, 10, 0, 0, Cn));

    private async Task<Dictionary<long, DateOnly?>> KeptOnAsync(CampaignId campaign)
    {
        await using var cmd = _db.DataSource.CreateCommand("SELECT lead_id, kept_on FROM collection_promises WHERE campaign_id = @c");
        cmd.Parameters.AddWithValue("c", campaign.Value);
        var result = new Dictionary<long, DateOnly?>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) result[r.GetInt64(0)] = r.IsDBNull(1) ? null : r.GetFieldValue<DateOnly>(1);
        return result;
    }

    private async Task<long> RepaymentCountAsync()
    {
        await using var cmd = _db.DataSource.CreateCommand("SELECT count(*) FROM repayments");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_gbk_file_with_chinese_headers_keeps_promises_paid_in_full_by_the_due_day_plus_grace()
    {
        await PromiseAsync(_leads[0], 1000m, new DateOnly(2026, 3, 10)); // paid 600 + 400 by 3-12: kept on 3-12 (within grace)
        await PromiseAsync(_leads[1], 500m, new DateOnly(2026, 3, 10));  // paid 500 on 3-14: too late, broken
        await PromiseAsync(_leads[2], 800m, new DateOnly(2026, 3, 25));  // paid 300 only: still open
        await PromiseAsync(_leads[3], 200m, new DateOnly(2026, 3, 5));   // nothing paid: broken
        var csv = """
            姓名,手机号,还款金额,还款日期
            客户1,139 0000 0001,600.00,2026-03-08
            客户1,13900000001,400,2026/03/12
            客户2,+86 139-0000-0002,500,2026年3月14日
            客户3,13900000003,"¥300.00",20260315
            """;
        var result = await _importer.ImportAsync(_bank, _campaign, "回盘.csv", Encoding.GetEncoding(54936).GetBytes(csv), "manager");

        Assert.Empty(result.Rejected);
        Assert.Equal(4, result.Applied);
        Assert.Equal(1, result.NewlyKept);
        Assert.Equal(new PromiseCounts(Kept: 1, Broken: 2, Open: 1), result.Promises);
        var kept = await KeptOnAsync(_campaign);
        Assert.Equal(new DateOnly(2026, 3, 12), kept[_leads[0]]);
        Assert.Null(kept[_leads[1]]);
        Assert.Null(kept[_leads[2]]);
    }

    [Fact]
    public async Task Uploading_the_same_file_again_changes_nothing_but_two_equal_payments_in_one_file_both_count()
    {
        await PromiseAsync(_leads[0], 200m, new DateOnly(2026, 3, 25));
        var csv = "\uFEFFphone,amount,date\n13900000001,100,2026-03-15\n13900000001,100,2026-03-15\n";
        var first = await _importer.ImportAsync(_bank, _campaign, "r.csv", Encoding.UTF8.GetBytes(csv), "manager");
        Assert.Equal(2, first.Applied);
        Assert.Equal(1, first.NewlyKept);

        var again = await _importer.ImportAsync(_bank, _campaign, "r.csv", Encoding.UTF8.GetBytes(csv), "manager");
        Assert.Equal(0, again.Applied);
        Assert.Equal(2, again.AlreadyKnown);
        Assert.Equal(0, again.NewlyKept);
        Assert.Equal(2, await RepaymentCountAsync());
        Assert.Equal(new DateOnly(2026, 3, 15), (await KeptOnAsync(_campaign))[_leads[0]]);
    }

    [Fact]
    public async Task Rows_of_another_tenants_debtors_and_bad_rows_are_rejected_with_their_line_while_good_rows_apply()
    {
        await PromiseAsync(_leads[0], 100m, new DateOnly(2026, 3, 25));
        await PromiseAsync(_otherLeads[4], 100m, new DateOnly(2026, 3, 25), _otherCampaign, _other);
        var csv = $"""
            电话,金额,日期,借据号
            13900000001,100,2026-03-15,
            13900000005,100,2026-03-15,
            ,100,2026-03-15,{_otherLeads[4]}
            13900000002,abc,2026-03-15,
            13900000002,50,yesterday,
            12345,50,2026-03-15,
            13900000003,50,2026-03-15,{_leads[1]}
            ,60,2026-03-16,{_leads[1]}
            """;
        var result = await _importer.ImportAsync(_bank, _campaign, "r.csv", Encoding.UTF8.GetBytes(csv), "manager");

        Assert.Equal(8, result.Rows);
        Assert.Equal(2, result.Applied);
        Assert.Equal([3, 4, 5, 6, 7, 8], result.Rejected.Select(r => r.Line));
        Assert.Contains("not in this campaign", result.Rejected[0].Reason);
        Assert.Contains("not in this campaign", result.Rejected[1].Reason);
        Assert.Contains("bad amount", result.Rejected[2].Reason);
        Assert.Contains("bad date", result.Rejected[3].Reason);
        Assert.Contains("bad phone", result.Rejected[4].Reason);
        Assert.Contains("different debtors", result.Rejected[5].Reason);
        Assert.Null((await KeptOnAsync(_otherCampaign))[_otherLeads[4]]);
        Assert.Equal(new DateOnly(2026, 3, 15), (await KeptOnAsync(_campaign))[_leads[0]]);
    }

    [Fact]
    public async Task A_file_without_an_amount_column_is_refused_whole_and_writes_nothing()
    {
        await Assert.ThrowsAsync<RepaymentFileException>(() =>
            _importer.ImportAsync(_bank, _campaign, "r.csv", Encoding.UTF8.GetBytes("手机号,日期\n13900000001,2026-03-15\n"), "manager"));
        Assert.Equal(0, await RepaymentCountAsync());
    }

    [Fact]
    public async Task A_campaign_of_another_tenant_is_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _importer.ImportAsync(_bank, _otherCampaign, "r.csv", Encoding.UTF8.GetBytes("手机号,金额,日期\n13900000005,10,2026-03-15\n"), "manager"));
        Assert.Equal(0, await RepaymentCountAsync());
    }
}
