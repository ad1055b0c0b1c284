using System.Globalization;
using Outbound.Core.Quality;

namespace Outbound.Web.Areas.Quality;

/// <summary>
/// The scoring inputs of a form as the browser posts them: <c>v.KEY</c> the value (or "na"), <c>n.KEY</c> the note,
/// <c>t.KEY</c> the second of the call ("95" or "1:35"). Unreadable values are left unanswered, so the scoring check
/// names the item.
/// </summary>
public static class AnswerForm
{
    public static IReadOnlyList<ItemAnswer> Read(EvaluationForm form, IFormCollection posted) => form.Items.Select(item =>
    {
        var value = posted[$"v.{item.Key}"].ToString().Trim();
        var note = posted[$"n.{item.Key}"].ToString().Trim();
        var at = ParseSeconds(posted[$"t.{item.Key}"].ToString());
        return value == "na"
            ? new ItemAnswer(item.Key, null, true, note.Length == 0 ? null : note, at)
            : new ItemAnswer(item.Key, decimal.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, false,
                note.Length == 0 ? null : note, at);
    }).ToList();

    /// <summary>"95", "1:35" or "01:02:03"; null when empty or unreadable.</summary>
    public static int? ParseSeconds(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        var parts = text.Split(':');
        var total = 0;
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
            total = total * 60 + n;
        }
        return total;
    }

    public static string Seconds(int? seconds) => seconds is { } s ? QualityTexts.Duration(s) : "";
}
