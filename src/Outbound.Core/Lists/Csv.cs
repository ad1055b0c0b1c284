namespace Outbound.Core.Lists;

/// <summary>Writing side of CSV.</summary>
public static class Csv
{
    /// <summary>Quotes a value when it holds a comma, quote, newline or leading/trailing space.</summary>
    public static string Quote(string value)
    {
        var needs = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needs ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>
    /// For files people open in Excel/WPS: a cell starting with = + - @ (or a tab/CR) would run as a
    /// formula, so it gets a leading apostrophe, which spreadsheets show as plain text. The database
    /// keeps the exact text; only the downloaded report is defused.
    /// </summary>
    public static string QuoteForSpreadsheet(string value) =>
        Quote(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);
}
