using System.Text;
using Outbound.Core.Lists;

namespace Outbound.Core.Tests.Lists;

public sealed class ListEncodingDetectorTests
{
    private const string ChineseCsv = "姓名,手机号码,金额\n张三,13812345678,100.00\n";

    [Fact]
    public void Gbk_bytes_are_detected_as_gb18030_and_decode_back_to_the_same_text()
    {
        var bytes = ListEncodingDetector.Gb18030.GetBytes(ChineseCsv);
        var detected = ListEncodingDetector.Detect(bytes, isWholeFile: true);
        Assert.Equal("gb18030", detected.Name);
        Assert.Equal(ChineseCsv, detected.Encoding.GetString(bytes));
    }

    [Fact]
    public void Gbk_code_page_936_bytes_read_as_gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(936).GetBytes(ChineseCsv);
        var detected = ListEncodingDetector.Detect(bytes, isWholeFile: true);
        Assert.Equal("gb18030", detected.Name);
        Assert.Equal(ChineseCsv, detected.Encoding.GetString(bytes));
    }

    [Fact]
    public void Utf8_with_bom_is_utf8_and_the_bom_is_skipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(ChineseCsv)).ToArray();
        var detected = ListEncodingDetector.Detect(bytes, isWholeFile: true);
        Assert.Equal("utf-8", detected.Name);
        Assert.Equal(3, detected.PreambleLength);
        Assert.Equal(ChineseCsv, detected.Encoding.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void Utf8_without_bom_is_utf8()
    {
        var detected = ListEncodingDetector.Detect(Encoding.UTF8.GetBytes(ChineseCsv), isWholeFile: true);
        Assert.Equal("utf-8", detected.Name);
        Assert.False(detected.HasBom);
    }

    [Fact]
    public void A_sample_cut_inside_a_utf8_character_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(ChineseCsv);
        var cut = bytes.AsSpan(0, 4); // "姓" is 3 bytes: the 4th starts "名"
        Assert.Equal("utf-8", ListEncodingDetector.Detect(cut, isWholeFile: false).Name);
        Assert.Equal("gb18030", ListEncodingDetector.Detect(cut, isWholeFile: true).Name);
    }

    [Fact]
    public void Forcing_utf8_on_gbk_bytes_fails_loudly_instead_of_loading_mojibake()
    {
        var bytes = ListEncodingDetector.Gb18030.GetBytes(ChineseCsv);
        var forced = ListEncodingDetector.Detect(bytes, isWholeFile: true, ListEncodingChoice.Utf8);
        Assert.False(forced.WasDetected);
        Assert.Throws<DecoderFallbackException>(() => forced.Encoding.GetString(bytes));
    }

    [Fact]
    public void Forcing_gb18030_overrides_detection_of_ascii()
    {
        var forced = ListEncodingDetector.Detect("phone\n13812345678\n"u8, isWholeFile: true, ListEncodingChoice.Gb18030);
        Assert.Equal("gb18030", forced.Name);
    }

    [Theory]
    [InlineData("auto", ListEncodingChoice.Auto)]
    [InlineData("UTF-8", ListEncodingChoice.Utf8)]
    [InlineData("gbk", ListEncodingChoice.Gb18030)]
    [InlineData("gb18030", ListEncodingChoice.Gb18030)]
    public void Encoding_names_parse(string text, ListEncodingChoice expected)
    {
        Assert.True(ListEncodingChoices.TryParse(text, out var choice));
        Assert.Equal(expected, choice);
    }

    [Fact]
    public void Unknown_encoding_name_is_refused() => Assert.False(ListEncodingChoices.TryParse("latin1", out _));
}
