using Outbound.Core.Lists;

namespace Outbound.Core.Tests.Lists;

/// <summary>Rows beyond the size limits are reported with their line, without being held whole, and reading goes on.</summary>
public sealed class ListLimitsTests
{
    private static readonly ListLimits Small = new(MaxLineChars: 100, MaxFieldChars: 20, MaxFields: 4);

    private static List<(int Line, RecordProblem? Problem, string[] Fields, string Raw)> ReadAll(TextReader text, ListLimits limits, char delimiter = ',')
    {
        var reader = new CsvRecordReader(text, delimiter, limits);
        var records = new List<(int, RecordProblem?, string[], string)>();
        while (reader.Read()) records.Add((reader.LineNumber, reader.Problem, reader.Fields().ToArray(), reader.Raw.ToString()));
        return records;
    }

    [Fact]
    public void A_line_over_the_limit_is_reported_with_its_beginning_and_the_lines_after_it_read_normally()
    {
        var text = "a,b\n1,2\n" + new string('x', 5000) + ",y\n3,4\n";
        var records = ReadAll(new StringReader(text), Small);
        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Line));
        Assert.Equal(RecordProblem.LineTooLong, records[2].Problem);
        Assert.Empty(records[2].Fields);
        Assert.Equal(new string('x', 100) + "…", records[2].Raw);
        Assert.Null(records[3].Problem);
        Assert.Equal(["3", "4"], records[3].Fields);
    }

    [Fact]
    public void A_quoted_field_running_over_many_lines_past_the_limit_is_one_rejected_record_and_counts_its_lines()
    {
        var text = "a,b\n\"" + string.Join("\n", Enumerable.Repeat(new string('y', 60), 40)) + "\",z\n5,6\n";
        var records = ReadAll(new StringReader(text), Small);
        Assert.Equal(RecordProblem.LineTooLong, records[1].Problem);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(42, records[2].Line);
        Assert.Equal(["5", "6"], records[2].Fields);
    }

    [Fact]
    public void A_150_mb_field_streams_past_without_the_reader_holding_it()
    {
        // 150 M characters generated on the fly: holding them would take 300 MB.
        var text = new GeneratedText("phone,note\n13812345678,", 150_000_000, "\n13912345678,ok\n");
        var reader = new CsvRecordReader(text, ',', ListLimits.Default);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(RecordProblem.LineTooLong, reader.Problem);
        Assert.Equal(ListLimits.RawPreviewChars + 1, reader.Raw.Length);
        Assert.True(reader.Read());
        Assert.Equal(["13912345678", "ok"], reader.Fields());
        Assert.False(reader.Read());
        Assert.True(text.MostCharsAskedAtOnce <= 2 * ListLimits.Default.MaxLineChars,
            $"the reader asked for {text.MostCharsAskedAtOnce} characters at once: its buffer grew with the line");
    }

    [Fact]
    public void A_field_over_its_limit_and_a_row_with_too_many_fields_are_reported()
    {
        var records = ReadAll(new StringReader("a,b\n1," + new string('z', 21) + "\n1,2,3,4,5,6\n"), Small);
        Assert.Equal((RecordProblem.FieldTooLong, 2), (records[1].Problem, records[1].Line));
        Assert.Equal(RecordProblem.TooManyFields, records[2].Problem);
        Assert.Equal(4, records[2].Fields.Length);
    }

    [Fact]
    public void The_parser_rejects_such_rows_with_their_reason_and_keeps_the_others()
    {
        var limits = new ListLimits(MaxLineChars: 1000, MaxFieldChars: 200, MaxFields: 4);
        var headers = new[] { "手机号码", "姓名", "备注" };
        var fields = StandardListFields.All;
        var map = HeaderMapper.Apply(HeaderMapper.Suggest(headers, fields), headers, fields, new Dictionary<string, string>());
        var parser = new LeadRowParser(headers, fields, map, new PhoneNormalizer(), limits);
        var text = "手机号码,姓名,备注\n13812345678,张三," + new string('长', 300) + "\n" + new string('9', 1500) + "\n13912345678,"
                   + new string('名', ListLimits.MaxNameChars + 1) + ",\n13712345678,李四,好\n";
        var reader = new CsvRecordReader(new StringReader(text), ',', limits);
        reader.Read();
        var outcomes = new List<RowOutcome>();
        while (reader.Read()) outcomes.Add(parser.Parse(reader)!.Value);
        Assert.Equal(
            [RejectReason.FieldTooLong, RejectReason.LineTooLong, RejectReason.BadFieldValue],
            outcomes.Take(3).Select(o => o.Rejection!.Reason));
        Assert.StartsWith("备注: 超过 200 个字符", outcomes[0].Rejection!.Detail);
        Assert.Contains("超过 100 个字符", outcomes[2].Rejection!.Detail);
        Assert.Equal("李四", outcomes[3].Lead!.Name);
    }

    /// <summary>A text of a prefix, <c>count</c> generated characters, and a suffix, never held in memory.</summary>
    private sealed class GeneratedText(string prefix, long count, string suffix) : TextReader
    {
        private long _position;
        public int MostCharsAskedAtOnce { get; private set; }

        public override int Read(char[] buffer, int index, int length)
        {
            MostCharsAskedAtOnce = Math.Max(MostCharsAskedAtOnce, length);
            var total = prefix.Length + count + suffix.Length;
            var n = (int)Math.Min(length, total - _position);
            for (var i = 0; i < n; i++, _position++)
                buffer[index + i] = _position < prefix.Length ? prefix[(int)_position]
                    : _position < prefix.Length + count ? 'x'
                    : suffix[(int)(_position - prefix.Length - count)];
            return n;
        }
    }
}
