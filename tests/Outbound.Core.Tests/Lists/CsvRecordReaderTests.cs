using Outbound.Core.Lists;

namespace Outbound.Core.Tests.Lists;

public sealed class CsvRecordReaderTests
{
    private static List<(int Line, string[] Fields, string Raw)> ReadAll(string text, ListLimits? limits = null)
    {
        var reader = new CsvRecordReader(new StringReader(text), ',', limits);
        var records = new List<(int, string[], string)>();
        while (reader.Read()) records.Add((reader.LineNumber, reader.Fields().ToArray(), reader.Raw.ToString()));
        return records;
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_newlines_and_lines_are_physical()
    {
        var records = ReadAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,row,here");
        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line); // the embedded newline moved the next record down a line
        Assert.Equal(["last", "row", "here"], records[2].Fields);
    }

    [Fact]
    public void Crlf_does_not_leak_into_the_last_field_or_the_raw_text()
    {
        var records = ReadAll("a,b\r\n1,2\r\n");
        Assert.Equal(["1", "2"], records[1].Fields);
        Assert.Equal("1,2", records[1].Raw);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void Raw_text_is_the_record_exactly_as_written()
    {
        var records = ReadAll("h1,h2\n\"q,1\",  spaced  \n");
        Assert.Equal("\"q,1\",  spaced  ", records[1].Raw);
        Assert.Equal("  spaced  ", records[1].Fields[1]);
    }

    [Fact]
    public void Empty_fields_and_a_trailing_comma_are_kept()
    {
        var records = ReadAll("a,,c,\n");
        Assert.Equal(["a", "", "c", ""], records[0].Fields);
    }

    [Fact]
    public void Records_longer_than_the_buffer_are_read_whole_within_the_limits()
    {
        var longField = new string('长', 200_000);
        var records = ReadAll($"a,b\n1,\"{longField}\"\n2,x\n", new ListLimits(MaxLineChars: 300_000, MaxFieldChars: 300_000));
        Assert.Equal(longField, records[1].Fields[1]);
        Assert.Equal(["2", "x"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void Many_records_across_buffer_refills_keep_their_line_numbers()
    {
        var text = "n,v\n" + string.Concat(Enumerable.Range(1, 50_000).Select(i => $"{i},\"v{i}\"\n"));
        var records = ReadAll(text);
        Assert.Equal(50_001, records.Count);
        Assert.All(records.Skip(1), r => Assert.Equal(r.Line - 1, int.Parse(r.Fields[0])));
        Assert.Equal("v50000", records[^1].Fields[1]);
    }

    [Fact]
    public void An_unterminated_quote_is_flagged()
    {
        var reader = new CsvRecordReader(new StringReader("a,b\n1,\"open\n2,3\n"));
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.HasUnterminatedQuote);
        Assert.Equal(2, reader.LineNumber);
        Assert.False(reader.Read());
    }
}
