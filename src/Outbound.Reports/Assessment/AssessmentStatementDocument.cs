using System.Globalization;
using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Data.Assessment;
using Outbound.Reports.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Outbound.Reports.Assessment;

/// <summary>The per-agent monthly assessment statement (员工绩效考核结算单) as an A4 PDF. Draws the model; never queries.</summary>
public sealed class AssessmentStatementDocument(AssessmentStatementModel model)
{
    private const double Margin = 50, LineHeight = 16;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly XFont _title = ReportFonts.Font(18, XFontStyleEx.Bold);
    private readonly XFont _heading = ReportFonts.Font(12, XFontStyleEx.Bold);
    private readonly XFont _body = ReportFonts.Font(10);
    private readonly XFont _small = ReportFonts.Font(8);

    private PdfDocument _pdf = null!;
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public byte[] GeneratePdf()
    {
        using var pdf = new PdfDocument();
        _pdf = pdf;
        pdf.Info.Title = $"绩效考核结算单 {model.Month} {model.EmployeeNo}";
        NewPage();
        Compose();
        _gfx.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void Compose()
    {
        ComposeHeader();
        ComposeSummary();
        ComposeAdjustments();
        ComposeDeductions();
        ComposeFooter();
    }

    private void ComposeHeader()
    {
        Text("员工绩效考核结算单 Assessment statement", _title, Margin);
        _y += 10;
        Text($"月份 Month: {model.Month}    工号 No.: {model.EmployeeNo}    姓名 Name: {model.AgentName}", _body, Margin);
        Text(model.Settled ? "状态:已结算,已锁定 Settled and locked" : "状态:未结算(暂估) Not settled yet (provisional)", _body, Margin);
        _y += 8;
    }

    private void ComposeSummary()
    {
        Text("考核汇总 Summary", _heading, Margin);
        var l = model.Line;
        (string Label, string Value)[] rows =
        [
            ("办公室考核得分 Office points (of 40)", l.OfficePoints.ToString(Invariant)),
            ("本部门业务考核得分 Department points (of 60)", l.DepartmentPoints.ToString(Invariant)),
            ("总分 Points (of 100)", l.Points.ToString(Invariant)),
            ("绩效金额 Points pay (¥5/分)", Yuan(l.PointsPay)),
            ("罚款 Fines", Yuan(l.Fines)),
            ("调整 Adjustments", Yuan(l.Adjustment)),
            ("绩效净额 Net performance pay", Yuan(l.NetPerformancePay)),
            ("基本工资 Base salary", Yuan(l.BaseSalary)),
            ("以基本工资相抵 Taken from base salary", Yuan(l.BaseSalaryOffset)),
            ("结转下月 Carried to next month", Yuan(l.CarriedForward)),
            ("应发合计 Total payable", Yuan(l.TotalPayable)),
        ];
        foreach (var (label, value) in rows)
        {
            Text(label, _body, Margin + 10, advance: false);
            _gfx.DrawString(value, _body, XBrushes.Black, new XRect(Margin, _y, _page.Width.Point - 2 * Margin - 10, LineHeight), XStringFormats.TopRight);
            _y += LineHeight;
        }
        _y += 8;
    }

    /// <summary>What earlier months carried into this one, each with its month and why (an appeal voided after that month was locked …).</summary>
    private void ComposeAdjustments()
    {
        if (model.Adjustments.Count == 0) return;
        Text("调整明细 Adjustments", _heading, Margin);
        foreach (var a in model.Adjustments)
        {
            Text($"{a.Source} {AdjustmentText(a.Kind)}", _body, Margin + 10, advance: false);
            _gfx.DrawString((a.Amount > 0 ? "+" : "") + Yuan(a.Amount), _body, XBrushes.Black,
                new XRect(Margin, _y, _page.Width.Point - 2 * Margin - 10, LineHeight), XStringFormats.TopRight);
            _y += LineHeight;
        }
        _y += 8;
    }

    private void ComposeDeductions()
    {
        Text("扣分明细 Deductions", _heading, Margin);
        if (model.Deductions.Count == 0)
        {
            Text("本月无扣分 No deductions this month", _body, Margin + 10);
            return;
        }
        double[] columns = [Margin, Margin + 70, Margin + 105, Margin + 345, Margin + 385, Margin + 440];
        string[] header = ["日期 Date", "条款", "内容 Rule", "扣分", "罚款 ¥", "状态 State"];
        for (var i = 0; i < header.Length; i++) _gfx.DrawString(header[i], _heading, XBrushes.Black, columns[i], _y, XStringFormats.TopLeft);
        _y += LineHeight + 2;
        foreach (var d in model.Deductions)
        {
            var ruleLines = CjkTextWrapper.Wrap(_gfx, d.RuleText, _body, columns[3] - columns[2] - 8);
            EnsureRoom(LineHeight * ruleLines.Count);
            _gfx.DrawString(d.OccurredOn.ToString("yyyy-MM-dd", Invariant), _body, XBrushes.Black, columns[0], _y, XStringFormats.TopLeft);
            _gfx.DrawString(d.Rule.ToString(), _body, XBrushes.Black, columns[1], _y, XStringFormats.TopLeft);
            _gfx.DrawString(d.Points.ToString(Invariant), _body, XBrushes.Black, columns[3], _y, XStringFormats.TopLeft);
            _gfx.DrawString(d.Fine.ToString("0.00", Invariant), _body, XBrushes.Black, columns[4], _y, XStringFormats.TopLeft);
            _gfx.DrawString(StateText(d.State), _body, XBrushes.Black, columns[5], _y, XStringFormats.TopLeft);
            foreach (var line in ruleLines)
            {
                _gfx.DrawString(line, _body, XBrushes.Black, columns[2], _y, XStringFormats.TopLeft);
                _y += LineHeight;
            }
            // The proof the deduction rests on, so the agent can check it (and appeal with it in hand).
            foreach (var line in CjkTextWrapper.Wrap(_gfx, $"证据 Evidence: {EvidenceText(d.Evidence)}", _small, _page.Width.Point - 2 * Margin - (columns[2] - Margin)))
            {
                EnsureRoom(LineHeight - 4);
                _gfx.DrawString(line, _small, XBrushes.DimGray, columns[2], _y, XStringFormats.TopLeft);
                _y += LineHeight - 4;
            }
            _y += 2;
        }
    }

    private static string EvidenceText(Evidence evidence)
    {
        var kind = evidence.Kind switch
        {
            EvidenceKind.Recording => "录音",
            EvidenceKind.Attendance => "考勤记录",
            EvidenceKind.HandoverLog => "交接班日志",
            _ => "书面说明",
        };
        var reference = EvidenceReference.Describe(evidence.Reference) is { } r ? $" {r.Zh}" : "";
        var note = evidence.Note.Length > 0 ? $"；{evidence.Note}" : "";
        return kind + reference + note;
    }

    private static string AdjustmentText(string kind) => kind == PayrollAdjustment.Carry
        ? "结转：上月未能以基本工资抵扣的部分 Carried shortfall"
        : "更正：该月结算后扣分有变（如申诉撤销） Correction after that month was settled";

    private void ComposeFooter()
    {
        _y += 12;
        EnsureRoom(LineHeight * 3);
        foreach (var line in CjkTextWrapper.Wrap(_gfx,
                     "员工底分100分(办公室考核40分,本部门业务考核60分),每分折合人民币5元;当扣款超出绩效考核部分时,以基本工资相抵。对已确认的扣分如有异议,可在系统中提出申诉。",
                     _small, _page.Width.Point - 2 * Margin))
            Text(line, _small, Margin, LineHeight - 4);
        Text($"生成时间 Generated {model.GeneratedAt:yyyy-MM-dd HH:mm} UTC", _small, Margin, LineHeight - 4);
    }

    private static string StateText(DeductionState state) => state switch
    {
        DeductionState.Confirmed => "已确认",
        DeductionState.Appealed => "申诉中",
        DeductionState.Upheld => "维持",
        DeductionState.Voided => "已撤销",
        _ => "草稿",
    };

    private static string Yuan(decimal d) => "¥" + d.ToString("0.00", Invariant);

    private void Text(string text, XFont font, double x, double? height = null, bool advance = true)
    {
        EnsureRoom(height ?? LineHeight);
        _gfx.DrawString(text, font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
        if (advance) _y += height ?? font.Size + 8;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height <= _page.Height.Point - Margin) return;
        _gfx.Dispose();
        NewPage();
    }

    private void NewPage()
    {
        _page = _pdf.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }
}
