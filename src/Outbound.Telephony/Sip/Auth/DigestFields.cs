using System.Text;

namespace Outbound.Telephony.Sip.Auth;

/// <summary>
/// The <c>Digest k=v, k="v"</c> list shared by WWW-Authenticate, Proxy-Authenticate, Authorization and
/// Proxy-Authorization (RFC 3261 §25.1, RFC 7616 §3.3–3.4). Keys are case-insensitive.
/// </summary>
public sealed class DigestFields
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string key]
    {
        get => _values.GetValueOrDefault(key);
        set
        {
            if (value is null) _values.Remove(key);
            else _values[key] = value;
        }
    }

    /// <summary>Parses a header value; null when it is not a Digest value or is malformed.</summary>
    public static DigestFields? Parse(string headerValue)
    {
        var text = headerValue.Trim();
        if (!text.StartsWith("Digest", StringComparison.OrdinalIgnoreCase) || text.Length < 7 || !char.IsWhiteSpace(text[6])) return null;
        var fields = new DigestFields();
        var i = 6;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
            if (i >= text.Length) break;
            var eq = text.IndexOf('=', i);
            if (eq < 0) return null;
            var key = text[i..eq].Trim();
            i = eq + 1;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    sb.Append(text[i++]);
                }
                if (i >= text.Length) return null;
                i++;
                value = sb.ToString();
            }
            else
            {
                var end = text.IndexOf(',', i);
                if (end < 0) end = text.Length;
                value = text[i..end].Trim();
                i = end;
            }
            if (key.Length == 0) return null;
            fields._values[key] = value;
        }
        return fields;
    }

    /// <summary>Writes <c>Digest …</c>; <paramref name="unquoted"/> lists the keys whose values are tokens (algorithm, qop in credentials, nc, stale).</summary>
    public string ToHeaderValue(params string[] unquoted)
    {
        var parts = _values.Select(kv => unquoted.Contains(kv.Key, StringComparer.OrdinalIgnoreCase)
            ? $"{kv.Key}={kv.Value}"
            : $"{kv.Key}=\"{kv.Value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"");
        return "Digest " + string.Join(", ", parts);
    }
}
