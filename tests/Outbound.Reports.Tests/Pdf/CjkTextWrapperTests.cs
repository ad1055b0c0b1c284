using Outbound.Reports.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Outbound.Reports.Tests.Pdf;

public sealed class CjkTextWrapperTests
{
    private static (XGraphics Gfx, PdfDocument Doc) Canvas()
    {
        ReportFonts.EnsureInstalled();
        var doc = new PdfDocument();
        return (XGraphics.FromPdfPage(doc.AddPage()), doc);
    }

    [Fact]
    public void Chinese_without_spaces_wraps_within_the_width_and_loses_no_character()
    {
        var (gfx, doc) = Canvas();
        using var _ = doc;
        var font = ReportFonts.Font(10);
        const string text = "由于工作上的怠慢或失误引起火灾、人员伤害、财物损坏和遗失以及其它事故者,照价赔偿,情节严重者除名";
        var lines = CjkTextWrapper.Wrap(gfx, text, font, 120);

        Assert.True(lines.Count > 2);
        Assert.Equal(text, string.Concat(lines));
        // A line may overflow only by the closing punctuation kept on it.
        Assert.All(lines, l => Assert.True(gfx.MeasureString(l.TrimEnd(',', '、', '。'), font).Width <= 120, l));
        Assert.DoesNotContain(lines, l => l.StartsWith(',') || l.StartsWith('、'));
    }

    [Fact]
    public void Latin_words_are_not_split()
    {
        var (gfx, doc) = Canvas();
        using var _ = doc;
        var font = ReportFonts.Font(10);
        var lines = CjkTextWrapper.Wrap(gfx, "Never argue with a customer; serious cases are dismissed", font, 90);
        Assert.True(lines.Count > 1);
        var words = "Never argue with a customer; serious cases are dismissed".Split(' ');
        Assert.All(lines.SelectMany(l => l.Split(' ')), w => Assert.Contains(w, words));
    }

    [Fact]
    public void A_face_extracted_from_the_collection_is_a_truetype_font()
    {
        var face = TrueTypeCollection.ExtractFace(File.ReadAllBytes(ReportFonts.DefaultCollectionPath), 0);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, face[..4]); // TrueType outlines
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.ExtractFace(face, 0));
    }
}
