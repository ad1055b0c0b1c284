using Outbound.Testing;
using static Outbound.Data.Tests.Lists.ListTestData;

namespace Outbound.Data.Tests.Lists;

/// <summary>The demo seed loads campaigns/lists/*.csv: they must load with exactly their planted bad rows rejected.</summary>
public sealed class SampleListTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    [Fact]
    public async Task Bank_collections_sample_is_gbk_and_rejects_its_eight_planted_bad_rows()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var result = await ImportAsync(db, tenant, campaign, await File.ReadAllBytesAsync(SamplePath("bank-collect-1.csv")));
        Assert.Equal(("gb18030", 300, 292, 8, 2), (result.Encoding, result.Rows, result.Imported, result.Rejected, result.Duplicates));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM list_import_rejects WHERE import_id = @i AND reason = 'unsupported_number_type'", ("i", result.ImportId)));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM list_import_rejects WHERE import_id = @i AND reason = 'missing_phone'", ("i", result.ImportId)));
    }

    [Fact]
    public async Task Power_survey_sample_is_utf8_with_bom_and_keeps_unmapped_columns()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var result = await ImportAsync(db, tenant, campaign, await File.ReadAllBytesAsync(SamplePath("power-survey-1.csv")));
        Assert.Equal(("utf-8", 121, 120, 1), (result.Encoding, result.Rows, result.Imported, result.Rejected));
        Assert.Equal(120, await ScalarAsync(db, "SELECT count(*) FROM leads WHERE campaign_id = @c AND fields->'extra' ? '工单号' AND fields->'extra' ? '户号'", ("c", campaign.Value)));
        Assert.True(await ScalarAsync(db, "SELECT count(*) FROM leads WHERE campaign_id = @c AND phone_kind = 'landline'", ("c", campaign.Value)) > 10);
    }

    private static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "campaigns", "lists", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"campaigns/lists/{name} not found above {AppContext.BaseDirectory}");
    }
}
