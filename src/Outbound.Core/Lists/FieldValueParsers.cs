using System.Globalization;

namespace Outbound.Core.Lists;

/// <summary>Lenient readers for the numbers people type in spreadsheets: "¥1,234.50", "1234元", "30天", "2025年3月1日".</summary>
public static class FieldValueParsers
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy.MM.dd"];

    /// <summary>A non-negative amount in yuan with at most two decimals.</summary>
    public static bool TryParseMoney(ReadOnlySpan<char> text, out decimal yuan)
    {
        Span<char> cleaned = stackalloc char[Math.Min(64, text.Length)];
        var n = 0;
        foreach (var c in text)
        {
            if (c is ',' or '，' or '¥' or '￥' or '元' or ' ') continue;
            if (n == cleaned.Length) { yuan = 0; return false; }
            cleaned[n++] = c;
        }
        return decimal.TryParse(cleaned[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out yuan)
            && yuan.Scale <= 2;
    }

    /// <summary>A non-negative whole number, optionally followed by 天 (days).</summary>
    public static bool TryParseWholeNumber(ReadOnlySpan<char> text, out int value)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith("天")) trimmed = trimmed[..^1].TrimEnd();
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A calendar date, returned as ISO yyyy-MM-dd.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out string iso)
    {
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }
        iso = "";
        return false;
    }
}
