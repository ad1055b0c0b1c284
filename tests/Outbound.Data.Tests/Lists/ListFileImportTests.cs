using System.Text;
using Outbound.Core.Lists;
using Outbound.Data.Lists;
using Outbound.Testing;
using static Outbound.Data.Tests.Lists.ListTestData;

namespace Outbound.Data.Tests.Lists;

/// <summary>Lists in every format a client sends, and rows beyond the size limits, through the real importer and PostgreSQL.</summary>
public sealed class ListFileImportTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    private async Task<List<string>> RejectsAsync(Guid importId)
    {
        await using var cmd = db.DataSource.CreateCommand("SELECT line_number || ' ' || reason || ' ' || length(raw) FROM list_import_rejects WHERE import_id = @i ORDER BY line_number");
        cmd.Parameters.AddWithValue("i", importId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<List<string>> LeadsAsync(Outbound.Core.Campaigns.CampaignId campaign)
    {
        await using var cmd = db.DataSource.CreateCommand("SELECT line_number || ' ' || phone_e164 || ' ' || coalesce(name, '') || ' ' || fields::text FROM leads WHERE campaign_id = @c ORDER BY line_number");
        cmd.Parameters.AddWithValue("c", campaign.Value);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    [Fact]
    public async Task A_row_with_a_20_mb_name_is_rejected_with_its_line_and_the_rest_of_the_list_loads()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var before = Utf8(Mobiles(3));
        var after = Utf8("客户9,13800000009,9.50,9\n");
        var huge = new GeneratedBytes(before.Concat(Utf8("客")).ToArray(), 20_000_000, (byte)'x', Utf8(",13812349999,1.50,3\n").Concat(after).ToArray());

        var result = await new ListImporter(db.DataSource, TimeProvider.System).ImportAsync(new ListImportRequest(tenant, campaign, "huge.csv"), huge);

        Assert.Equal((5, 4, 1), (result.Rows, result.Imported, result.Rejected));
        Assert.Equal([$"5 line_too_long {ListLimits.RawPreviewChars + 1}"], await RejectsAsync(result.ImportId));
        Assert.DoesNotContain(await LeadsAsync(campaign), l => l.Contains("xxxx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_of_headers_only_fails_saying_so_and_loads_nothing()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var failure = await Assert.ThrowsAsync<ListImportFailedException>(() => ImportAsync(db, tenant, campaign, Utf8(CollectionsHeader + "\n\n")));
        Assert.Equal(ListFormatException.HeadersOnly().Message, failure.Message);
        var summary = await new ListImportQueries(db.DataSource).GetAsync(tenant, failure.ImportId!.Value);
        Assert.Equal(("failed", ListFormatException.HeadersOnly().Message), (summary!.Status, summary.Error));
    }

    [Fact]
    public async Task A_binary_file_renamed_to_csv_fails_as_not_a_text_file()
    {
        var (tenant, campaign) = await NewCampaignAsync(db);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 };
        var failure = await Assert.ThrowsAsync<ListImportFailedException>(() => ImportAsync(db, tenant, campaign, png));
        Assert.Equal(ListFormatException.NotText().Message, failure.Message);
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM leads WHERE campaign_id = @c", ("c", campaign.Value)));
    }

    [Fact]
    public async Task The_same_list_as_csv_utf16_text_xlsx_and_xls_loads_the_same_leads_and_rejects()
    {
        object?[][] sheet =
        [
            ["姓名", "手机号码", "金额", "逾期天数", "身份证后四位"],
            ["张三", 13812345678L, 1200.5, 30, new Formatted(42, "0000")],
            ["李四", "010-62345678", 800, 12, "1234"],
            ["王五", "12345", 100, 3, null],
            ["赵六", "+86 13812345678", 50, 1, null],
        ];
        const string text = "姓名,手机号码,金额,逾期天数,身份证后四位\n张三,13812345678,1200.5,30,0042\n李四,010-62345678,800,12,1234\n王五,12345,100,3,\n赵六,+86 13812345678,50,1,\n";
        var unicodeText = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text.Replace(',', '\t'))).ToArray();
        var files = new (string Format, byte[] Bytes)[]
        {
            ("utf-8", Utf8(text)), ("utf-16le, tab", unicodeText), ("xlsx", TestWorkbooks.Xlsx(sheet)), ("xls", TestWorkbooks.Xls(sheet)),
        };
        var outcomes = new List<(string Format, int Rows, int Imported, List<string> Rejects, List<string> Leads)>();
        foreach (var (format, bytes) in files)
        {
            var (tenant, campaign) = await NewCampaignAsync(db);
            var result = await ImportAsync(db, tenant, campaign, bytes);
            var rejects = await RejectsAsync(result.ImportId);
            outcomes.Add((result.Encoding, result.Rows, result.Imported, rejects.Select(r => r[..r.LastIndexOf(' ')]).ToList(), await LeadsAsync(campaign)));
        }
        Assert.Equal(files.Select(f => f.Format), outcomes.Select(o => o.Format));
        var csv = outcomes[0];
        Assert.Equal((4, 2), (csv.Rows, csv.Imported));
        Assert.Equal(["4 invalid_phone", "5 duplicate_in_file"], csv.Rejects);
        Assert.Equal(2, csv.Leads.Count);
        foreach (var other in outcomes.Skip(1))
        {
            Assert.Equal((csv.Rows, csv.Imported), (other.Rows, other.Imported));
            Assert.Equal(csv.Rejects, other.Rejects);
            Assert.Equal(csv.Leads, other.Leads);
        }
    }

    /// <summary>A prefix, <c>count</c> copies of one byte, a suffix: a huge file that is never in memory.</summary>
    private sealed class GeneratedBytes(byte[] prefix, long count, byte filler, byte[] suffix) : Stream
    {
        private long _position;
        private long Total => prefix.Length + count + suffix.Length;

        public override int Read(byte[] buffer, int offset, int length) => Read(buffer.AsSpan(offset, length));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, Total - _position);
            for (var i = 0; i < n; i++, _position++)
                buffer[i] = _position < prefix.Length ? prefix[_position]
                    : _position < prefix.Length + count ? filler
                    : suffix[_position - prefix.Length - count];
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
