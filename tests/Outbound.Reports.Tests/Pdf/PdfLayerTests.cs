using Outbound.Reports.Pdf;
using Outbound.Reports.Tests.Support;
using ScottPlot;

namespace Outbound.Reports.Tests.Pdf;

public sealed class PdfLayerTests
{
    private static byte[] LongTable(int rows)
    {
        using var c = new PdfComposer("长表", "长表测试 Long table");
        c.Title("坐席明细");
        var table = new PdfTable(new PdfColumn("坐席编号 Agent", 2), new PdfColumn("通话次数 Calls", 1, CellAlign.Right));
        for (var i = 1; i <= rows; i++) table.Row($"坐席{i:000}", (i * 7).ToString());
        table.Draw(c);
        return c.Save();
    }

    [Fact]
    public void A_table_longer_than_a_page_repeats_its_header_on_every_page()
    {
        var pages = PdfText.Pages(LongTable(150));
        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        Assert.All(pages, page => Assert.Contains("坐席编号Agent通话次数Calls", page));
        Assert.Contains("坐席150", pages[^1]);
        Assert.Equal(1, PdfText.All(LongTable(150)).Split("坐席077").Length - 1);   // no row drawn twice
    }

    [Fact]
    public void Every_page_has_a_footer_with_page_x_of_y()
    {
        var pages = PdfText.Pages(LongTable(150));
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"第{i + 1}/{pages.Count}页", pages[i]);
        Assert.All(pages, page => Assert.Contains("长表测试Longtable", page));
    }

    [Fact]
    public void Long_chinese_text_wraps_inside_the_margins_and_keeps_every_character()
    {
        var sentence = string.Concat(Enumerable.Repeat("甲方按照乙方的要求及所支付的业务租金提供相应的坐席资源。", 30));
        using var c = new PdfComposer("t", "");
        c.Text(sentence);
        var pdf = c.Save();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - ReportStyle.Margin + 1));
        Assert.Contains(sentence, PdfText.All(pdf));
    }

    [Fact]
    public void Key_figures_and_a_chart_caption_are_extractable_text()
    {
        using var c = new PdfComposer("t", "");
        KeyFigureStrip.Draw(c, [("联系率 Contact rate", "42.5%"), ("外呼次数 Attempts", "1,234")]);
        var plot = new Plot();
        plot.Add.Bars(new double[] { 1, 2, 3 });
        PdfChart.Draw(c, plot, "每日放弃率 Abandon per day");
        var text = PdfText.All(c.Save());
        Assert.Contains("42.5%", text);
        Assert.Contains("联系率Contactrate", text);
        Assert.Contains("每日放弃率Abandonperday", text);
    }

    [Fact]
    public void Heat_grid_writes_its_row_and_column_labels_and_cell_texts()
    {
        using var c = new PdfComposer("t", "");
        HeatGrid.Draw(c, ["周一", "周二"], ["09", "10"], (r, k) => (r + k, $"{r}{k}x"));
        var text = PdfText.All(c.Save());
        Assert.Contains("周一", text);
        Assert.Contains("11x", text);
    }
}
