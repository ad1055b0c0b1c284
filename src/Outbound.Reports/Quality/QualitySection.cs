using System.Globalization;
using Outbound.Core.Performance;
using Outbound.Core.Quality;
using Outbound.Data.Quality;
using Outbound.Reports.Pdf;
using ScottPlot;

namespace Outbound.Reports.Quality;

/// <summary>
/// The client report's quality section (质检): how many calls were sampled and scored, the mean score, the score
/// distribution and band shares, and the campaign's weekly XmR control chart drawn with the reports' ScottPlot charting.
/// </summary>
public static class QualitySection
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Compose(PdfComposer c, QualitySummary q, bool charts)
    {
        c.Heading("质检 Quality assurance");
        KeyFigureStrip.Draw(c,
        [
            ("抽检通话 Sampled", q.Sampled.ToString("N0", Invariant)),
            ("已评分 Scored", q.Evaluated.ToString("N0", Invariant)),
            ("平均得分 Mean score", q.MeanScore?.ToString("0.0", Invariant) ?? "—"),
            ("致命项未通过 Critical fails", q.CriticalFailed.ToString("N0", Invariant)),
        ]);
        if (q.Evaluated == 0)
        {
            c.Text("本期无质检评分 No evaluations in this period.");
            return;
        }
        var bands = new PdfTable(new PdfColumn("等级 Band", 2), new PdfColumn("通话 Calls", 1, CellAlign.Right), new PdfColumn("占比 Share", 1, CellAlign.Right));
        foreach (var (band, n) in q.Bands) bands.Row(BandText(band), n.ToString("N0", Invariant), new Ratio(n, q.Evaluated).Percent());
        bands.Draw(c);
        var distribution = new PdfTable(new PdfColumn("得分 Score", 2), new PdfColumn("通话 Calls", 1, CellAlign.Right), new PdfColumn("占比 Share", 1, CellAlign.Right));
        foreach (var (range, n) in q.Distribution) distribution.Row(range, n.ToString("N0", Invariant), new Ratio(n, q.Evaluated).Percent());
        distribution.Draw(c);
        if (charts && q.WeeklyChart.Points.Count >= 2)
            PdfChart.Draw(c, Chart(q.WeeklyChart), "每周质检得分控制图(中心线与 ±3σ 控制限,红点为异常信号) Weekly QA score XmR chart", 190);
    }

    private static Plot Chart(XmrChart chart)
    {
        var plot = new Plot();
        var xs = chart.Points.Select((_, i) => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, chart.Points.Select(p => p.Value).ToArray());
        line.Color = new Color(0x1F, 0x4E, 0x79);
        var signals = chart.Points.Select((p, i) => (p, i)).Where(x => x.p.Signals != RunSignal.None).ToList();
        if (signals.Count > 0)
        {
            var red = plot.Add.ScatterPoints(signals.Select(s => (double)s.i).ToArray(), signals.Select(s => s.p.Value).ToArray());
            red.Color = Colors.Red;
            red.MarkerSize = 9;
        }
        var center = plot.Add.HorizontalLine(chart.Center!.Value);
        center.Color = Colors.Black;
        foreach (var limit in new[] { chart.Upper!.Value, chart.Lower!.Value })
        {
            var l = plot.Add.HorizontalLine(limit);
            l.Color = Colors.Red;
            l.LinePattern = LinePattern.Dashed;
        }
        var step = Math.Max(1, chart.Points.Count / 8);
        plot.Axes.Bottom.SetTicks(xs.Where((_, i) => i % step == 0).ToArray(),
            chart.Points.Where((_, i) => i % step == 0).Select(p => p.Label.Length >= 10 ? p.Label[5..] : p.Label).ToArray());
        plot.Axes.Left.Label.Text = "QA score";
        return plot;
    }

    private static string BandText(Band band) => band switch
    {
        Band.Excellent => "优秀 Excellent",
        Band.Good => "良好 Good",
        Band.Pass => "合格 Pass",
        _ => "不合格 Fail",
    };
}
