using Outbound.Core.Lists;
using Outbound.Data.Lists;
using Outbound.Testing;
using static Outbound.Data.Tests.Lists.ListTestData;

namespace Outbound.Data.Tests.Lists;

/// <summary>A failure in the middle of the COPY leaves no leads and no rejects, and the failed import is on record.</summary>
public sealed class ListImportAtomicityTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_row_the_database_refuses_mid_copy_rolls_back_the_whole_list()
    {
        var (tenant, campaign) = await NewCampaignAsync(_db);
        // A constraint the parser knows nothing about, hit by row 30 000 of 40 000: well into the COPY stream.
        await ExecuteAsync(_db, """
            CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.phone_e164 = '+8613800029999' THEN RAISE EXCEPTION 'poisoned row at line %', NEW.line_number; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_poison BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION refuse_poison();
            """);
        var file = Utf8(Mobiles(40_000) + "坏行,123,1,1\n");

        var failure = await Assert.ThrowsAsync<ListImportFailedException>(() => ImportAsync(_db, tenant, campaign, file));

        Assert.Contains("poisoned row at line 30001", failure.Message);
        Assert.Equal(0, await LeadCountAsync(_db, campaign));
        Assert.Equal(0, await ScalarAsync(_db, "SELECT count(*) FROM list_import_rejects"));
        var summary = await new ListImportQueries(_db.DataSource).GetAsync(tenant, failure.ImportId!.Value);
        Assert.NotNull(summary);
        Assert.Equal("failed", summary.Status);
        Assert.Contains("poisoned", summary.Error);
        Assert.Equal(0, summary.Imported);
    }

    [Fact]
    public async Task A_file_that_stops_decoding_after_rows_were_streamed_rolls_back_the_whole_list()
    {
        var (tenant, campaign) = await NewCampaignAsync(_db);
        // Clean UTF-8 well past the sniffed head (so auto-detection says UTF-8 and tens of thousands of rows are
        // already in the COPY stream), then a byte that is not UTF-8.
        var clean = Utf8(Mobiles(80_000));
        Assert.True(clean.Length > ListFile.SniffBytes);
        var file = clean.Concat(new byte[] { 0xE5, 0xBC, 0xA0, 0xFF, (byte)',', (byte)'1', (byte)'\n' }).ToArray();

        var failure = await Assert.ThrowsAsync<ListImportFailedException>(() => ImportAsync(_db, tenant, campaign, file));

        Assert.Contains("UTF-8", failure.Message);
        Assert.Equal(0, await LeadCountAsync(_db, campaign));
        var summary = await new ListImportQueries(_db.DataSource).GetAsync(tenant, failure.ImportId!.Value);
        Assert.Equal("failed", summary!.Status);
        Assert.Equal(0, summary.Imported);
    }

    [Fact]
    public async Task Cancelling_after_some_rows_leaves_no_leads_and_a_failed_import()
    {
        var (tenant, campaign) = await NewCampaignAsync(_db);
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress(p => { if (p.RowsRead >= 20_000) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportAsync(_db, tenant, campaign, Utf8(Mobiles(100_000)), progress: progress, ct: cancel.Token));

        Assert.Equal(0, await LeadCountAsync(_db, campaign));
        Assert.Equal(1, await ScalarAsync(_db, "SELECT count(*) FROM list_imports WHERE campaign_id = @c AND status = 'failed' AND error IS NOT NULL", ("c", campaign.Value)));
        Assert.Equal(0, await ScalarAsync(_db, "SELECT count(*) FROM list_imports WHERE campaign_id = @c AND status <> 'failed'", ("c", campaign.Value)));
    }
}
