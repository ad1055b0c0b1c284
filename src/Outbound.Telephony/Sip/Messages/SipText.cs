using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>Lexical helpers for the RFC 3261 §25.1 grammar: tokens, quoted strings, splitting outside quotes.</summary>
internal static class SipText
{
    private const string TokenPunctuation = "-.!%*_+`'~";

    public static bool IsTokenChar(char c) => c < 128 && (char.IsAsciiLetterOrDigit(c) || TokenPunctuation.Contains(c));

    public static bool IsToken(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (!IsTokenChar(c)) return false;
        return true;
    }

    /// <summary>Splits on <paramref name="separator"/> outside double quotes and angle brackets.</summary>
    public static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var inQuotes = false;
        var angle = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '\\') i++;
                else if (c == '"') inQuotes = false;
            }
            else if (c == '"') inQuotes = true;
            else if (c == '<') angle++;
            else if (c == '>' && angle > 0) angle--;
            else if (c == separator && angle == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        if (inQuotes) throw new SipParseException("unterminated quoted string");
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Reads a quoted-string (§25.1) starting at <paramref name="start"/>; returns its unescaped content and the index after the closing quote.</summary>
    public static (string Value, int End) ReadQuoted(string text, int start)
    {
        var sb = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length) break;
                sb.Append(text[++i]);
            }
            else if (c == '"') return (sb.ToString(), i + 1);
            else sb.Append(c);
        }
        throw new SipParseException("unterminated quoted string");
    }

    public static string Unquote(string quoted)
    {
        var (value, end) = ReadQuoted(quoted, 0);
        if (end != quoted.Length) throw new SipParseException("text after a quoted string");
        return value;
    }

    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A non-negative decimal of at most <paramref name="max"/> (overlarge values are errors, RFC 4475 §3.1.2.4).</summary>
    public static long ParseBounded(string text, long max, string what)
    {
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 19 || !s.All(char.IsAsciiDigit)) throw new SipParseException($"{what} is not a number");
        var value = long.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        if (value > max) throw new SipParseException($"{what} is too large");
        return value;
    }
}
