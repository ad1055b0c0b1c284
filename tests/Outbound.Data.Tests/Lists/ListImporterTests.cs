using System.Text;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;
using Outbound.Data.Lists;
using Outbound.Testing;
using static Outbound.Data.Tests.Lists.ListTestData;

namespace Outbound.Data.Tests.Lists;

public sealed class ListImporterTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    [Fact]
    public async Task Gbk_file_with_chinese_headers_loads_leads_and_reports_each_bad_row()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var file = Gbk("""
            姓名,手机号码,金额,逾期天数
            张三,138-1234-5678,"1,200.50",30
            李四,010-62345678,800,12
            王五,12345,100,3
            赵六,+86 13812345678,50,1
            孙七,13912345678,很多,5
            """.Replace("\r", "") + "\n");

        var result = await ImportAsync(db, tenant, campaign, file);

        Assert.Equal(("gb18030", 5, 2, 3, 1, 0), (result.Encoding, result.Rows, result.Imported, result.Rejected, result.Duplicates, result.Dnc));
        await using (var cmd = db.DataSource.CreateCommand(
            "SELECT name, phone_e164, phone_kind, time_zone, line_number, fields->>'amount', (fields->>'days_past_due')::int FROM leads WHERE campaign_id = @c ORDER BY line_number"))
        {
            cmd.Parameters.AddWithValue("c", campaign.Value);
            await using var r = await cmd.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            Assert.Equal(("张三", "+8613812345678", "mobile", "Asia/Shanghai", 2, "1200.50", 30),
                (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt32(6)));
            Assert.True(await r.ReadAsync());
            Assert.Equal(("李四", "+861062345678", "landline"), (r.GetString(0), r.GetString(1), r.GetString(2)));
            Assert.False(await r.ReadAsync());
        }

        var csv = new MemoryStream();
        var written = await new ListImportQueries(db.DataSource).WriteRejectsCsvAsync(tenant, result.ImportId, csv);
        Assert.Equal(3, written);
        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,reason,detail,raw", lines[0].TrimEnd('\r'));
        Assert.StartsWith("4,invalid_phone,", lines[1]);
        Assert.EndsWith(",\"王五,12345,100,3\"", lines[1].TrimEnd('\r'));
        Assert.StartsWith("5,duplicate_in_file,", lines[2]);
        Assert.StartsWith("6,bad_amount,", lines[3]);

        var summary = await new ListImportQueries(db.DataSource).GetAsync(tenant, result.ImportId);
        Assert.NotNull(summary);
        Assert.Equal(("completed", 5, 2, 3), (summary.Status, summary.Rows, summary.Imported, summary.Rejected));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM list_imports WHERE id = @id AND file_bytes = @b AND length(file_sha256) = 64",
            ("id", result.ImportId), ("b", (long)file.Length)));
    }

    [Fact]
    public async Task Utf8_file_with_bom_and_english_headers_loads()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var file = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8("Name,Mobile,Amount\r\nAlice,13812345678,10\r\nBob,13912345678,20\r\n")).ToArray();
        var result = await ImportAsync(db, tenant, campaign, file);
        Assert.Equal(("utf-8", 2, 2), (result.Encoding, result.Rows, result.Imported));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM leads WHERE campaign_id = @c AND name = 'Alice'", ("c", campaign.Value)));
    }

    [Fact]
    public async Task Rows_already_in_the_campaign_are_duplicates_and_a_rerun_loads_nothing_twice()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var first = await ImportAsync(db, tenant, campaign, Utf8(Mobiles(50)));
        Assert.Equal(50, first.Imported);

        var rerun = await ImportAsync(db, tenant, campaign, Utf8(Mobiles(50)));
        Assert.Equal((50, 0, 50, 50), (rerun.Rows, rerun.Imported, rerun.Rejected, rerun.Duplicates));

        var overlap = await ImportAsync(db, tenant, campaign, Utf8(Mobiles(30, first: 40)));
        Assert.Equal((30, 20, 10), (overlap.Rows, overlap.Imported, overlap.Duplicates));
        Assert.Equal(70, await LeadCountAsync(db, campaign));
        Assert.Equal(60, await ScalarAsync(db, "SELECT count(*) FROM list_import_rejects r JOIN list_imports i ON i.id = r.import_id WHERE i.campaign_id = @c AND r.reason = 'duplicate_in_campaign'", ("c", campaign.Value)));
    }

    [Fact]
    public async Task Global_dnc_applies_to_every_tenant_and_tenant_dnc_only_to_its_own()
    {
        var (tenantA, campaignA) = await NewCampaignAsync(db);
        var (tenantB, campaignB) = await NewCampaignAsync(db);
        await ExecuteAsync(db, """
            INSERT INTO dnc_numbers (tenant_id, phone_e164, reason) VALUES (NULL, '+8613890000001', 'complaint'), (@a, '+8613890000002', 'asked');
            """, ("a", tenantA.Value));
        // Numbers of their own: the global DNC entry would otherwise reach the other tests sharing this database.
        var file = Utf8(Mobiles(5, first: 90_000_000)); // 138 90000000 … 138 90000004

        var a = await ImportAsync(db, tenantA, campaignA, file);
        var b = await ImportAsync(db, tenantB, campaignB, file);

        Assert.Equal((3, 2), (a.Imported, a.Dnc));
        Assert.Equal((4, 1), (b.Imported, b.Dnc));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM leads WHERE phone_e164 = '+8613890000001'"));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM leads WHERE phone_e164 = '+8613890000002'"));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM list_import_rejects WHERE import_id = @i AND reason = 'dnc'", ("i", b.ImportId)));
    }

    [Fact]
    public async Task Unrecognised_phone_column_fails_with_what_to_map_and_succeeds_once_mapped()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var file = Utf8("客户,号\n张三,13812345678\n");

        var failure = await Assert.ThrowsAsync<ListImportFailedException>(() => ImportAsync(db, tenant, campaign, file));
        Assert.Contains("phone", failure.Message);
        Assert.Equal("failed", (await new ListImportQueries(db.DataSource).GetAsync(tenant, failure.ImportId!.Value))!.Status);

        var result = await ImportAsync(db, tenant, campaign, file, map: new Dictionary<string, string> { ["phone"] = "号", ["name"] = "#1" });
        Assert.Equal(1, result.Imported);
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM leads WHERE campaign_id = @c AND name = '张三'", ("c", campaign.Value)));
    }

    [Fact]
    public async Task Forcing_utf8_on_a_gbk_file_fails_clearly_and_loads_nothing()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var failure = await Assert.ThrowsAsync<ListImportFailedException>(() =>
            ImportAsync(db, tenant, campaign, Gbk(Mobiles(10)), ListEncodingChoice.Utf8));
        Assert.Contains("gb18030", failure.Message);
        Assert.Equal(0, await LeadCountAsync(db, campaign));
    }

    [Fact]
    public async Task A_campaign_of_another_tenant_cannot_be_loaded_or_read()
    {
        var (tenantA, campaignA) = await NewCampaignAsync(db);
        var (tenantB, _) = await NewCampaignAsync(db);
        await Assert.ThrowsAsync<ListImportFailedException>(() => ImportAsync(db, tenantB, campaignA, Utf8(Mobiles(3))));
        Assert.Equal(0, await LeadCountAsync(db, campaignA));

        var own = await ImportAsync(db, tenantA, campaignA, Utf8("手机\n123\n"));
        Assert.Equal(0, await new ListImportQueries(db.DataSource).WriteRejectsCsvAsync(tenantB, own.ImportId, new MemoryStream()));
        Assert.Null(await new ListImportQueries(db.DataSource).GetAsync(tenantB, own.ImportId));
        Assert.Equal(1, await new ListImportQueries(db.DataSource).WriteRejectsCsvAsync(tenantA, own.ImportId, new MemoryStream()));
    }

    [Fact]
    public async Task Custom_fields_of_the_campaign_are_mapped_and_stored()
    {
        var (tenant, campaign) = await NewCampaignAsync(db, settingsJson: """
            {"CustomFields":[{"Key":"account_no","Label":"户号","Type":"Text","Required":true},{"Key":"ticket_no","Label":"工单号","Type":0}]}
            """);
        var result = await ImportAsync(db, tenant, campaign, Utf8("户号,姓名,电话,工单号\n3100012345,王芳,13812345678,GD-9\n,李明,13912345678,GD-10\n"));
        Assert.Equal((1, 1), (result.Imported, result.Rejected));
        Assert.Equal(1, await ScalarAsync(db,
            "SELECT count(*) FROM leads WHERE campaign_id = @c AND fields->>'account_no' = '3100012345' AND fields->>'ticket_no' = 'GD-9'", ("c", campaign.Value)));
    }

    [Fact]
    public async Task Progress_climbs_to_every_byte_of_the_file()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var file = Utf8(Mobiles(45_000));
        var progress = new RecordingProgress();
        var result = await ImportAsync(db, tenant, campaign, file, progress: progress);
        var reports = progress.Reports;
        Assert.True(reports.Count >= 3);
        Assert.All(reports, r => Assert.Equal(result.ImportId, r.ImportId));
        Assert.Equal(reports.Select(r => r.RowsRead).Order(), reports.Select(r => r.RowsRead));
        Assert.Equal(45_000, reports[^1].RowsRead);
        Assert.Equal(file.Length, reports[^1].BytesRead);
        Assert.Equal(file.Length, reports[^1].TotalBytes);
        Assert.Equal(45_000, reports[^1].LeadsWritten);
        Assert.Contains(reports, r => r.LeadsWritten > 0 && r.LeadsWritten < 45_000); // the write phase reports as it goes
    }

    [Fact]
    public async Task Preview_shows_encoding_headers_mapping_and_first_rows()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var preview = await new ListImporter(db.DataSource, TimeProvider.System)
            .PreviewAsync(tenant, campaign, new MemoryStream(Gbk(Mobiles(30))));
        Assert.Equal("gb18030", preview.Format);
        Assert.Equal(["姓名", "手机号码", "金额", "逾期天数"], preview.Headers);
        Assert.Equal(1, preview.Suggestion.Map.ColumnOf("phone"));
        Assert.Equal(ListPreview.DefaultRows, preview.Rows.Count);
        Assert.Equal("客户0", preview.Rows[0][0]);
    }

    [Fact]
    public async Task Preview_for_another_tenants_campaign_is_refused()
    {
        var (_, campaignA) = await NewCampaignAsync(db);
        await Assert.ThrowsAsync<ListImportFailedException>(() => new ListImporter(db.DataSource, TimeProvider.System)
            .PreviewAsync(new TenantId(Guid.CreateVersion7()), campaignA, new MemoryStream(Utf8(Mobiles(2)))));
    }
}
