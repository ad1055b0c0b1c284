namespace Outbound.Core.Lists;

/// <summary>Writing side of CSV: quotes a value when it holds a comma, quote, newline or leading/trailing space.</summary>
public static class Csv
{
    public static string Quote(string value)
    {
        var needs = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needs ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
