using System.Globalization;
using System.Net;
using System.Text;
using Outbound.Core.Quality;

namespace Outbound.Web.Areas.Quality;

/// <summary>
/// Draws an <see cref="XmrChart"/> as inline SVG for the browser: the values joined by a line, the centre line, the ±3σ
/// limits dashed, and points that break a run rule in red with the rule in their tooltip. No script, no library.
/// </summary>
public static class ControlChartSvg
{
    private const double Width = 640, Height = 200, Left = 44, Right = 12, Top = 12, Bottom = 28;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(XmrChart chart, string title, Func<RunSignal, string> signalText, string unit = "")
    {
        var points = chart.Points;
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg class=\"control-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(Invariant, $"<title>{Encode(title)}</title>");
        if (points.Count == 0) return svg.Append("</svg>").ToString();

        var values = points.Select(p => p.Value).Concat(new[] { chart.Upper, chart.Lower, chart.Center }.OfType<double>()).ToList();
        var (min, max) = (values.Min(), values.Max());
        if (max - min < 1e-9) (min, max) = (min - 1, max + 1);
        var pad = (max - min) * 0.08;
        (min, max) = (min - pad, max + pad);
        double X(int i) => Left + (points.Count == 1 ? (Width - Left - Right) / 2 : i * (Width - Left - Right) / (points.Count - 1));
        double Y(double v) => Top + (max - v) / (max - min) * (Height - Top - Bottom);

        void Line(double? value, string css, string label)
        {
            if (value is not { } v) return;
            svg.Append(Invariant, $"<line class=\"{css}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\"/>");
            svg.Append(Invariant, $"<text class=\"limit-label\" x=\"{Left - 4}\" y=\"{Y(v) + 3:0.#}\" text-anchor=\"end\">{Encode(label)}</text>");
        }
        Line(chart.Upper, "ucl", $"UCL {Format(chart.Upper)}");
        Line(chart.Center, "center", Format(chart.Center));
        Line(chart.Lower, "lcl", $"LCL {Format(chart.Lower)}");

        svg.Append("<polyline class=\"series\" points=\"");
        for (var i = 0; i < points.Count; i++) svg.Append(Invariant, $"{X(i):0.#},{Y(points[i].Value):0.#} ");
        svg.Append("\"/>");
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var signal = p.Signals != RunSignal.None;
            svg.Append(Invariant, $"<circle class=\"{(signal ? "point signal" : "point")}\" data-signals=\"{(int)p.Signals}\" cx=\"{X(i):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"{(signal ? 4 : 3)}\">");
            svg.Append(Invariant, $"<title>{Encode(p.Label)}: {Format(p.Value)}{unit}{(signal ? " — " + Encode(signalText(p.Signals)) : "")}</title></circle>");
            if (i % step == 0)
                svg.Append(Invariant, $"<text class=\"axis-label\" x=\"{X(i):0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Encode(p.Label)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Format(double? value) => value?.ToString("0.#", Invariant) ?? "";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
