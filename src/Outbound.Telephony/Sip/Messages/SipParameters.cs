using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// Ordered <c>;name[=value]</c> parameters (URI and header parameters, RFC 3261 §19.1.1 and §20).
/// Names compare case-insensitively; a parameter without a value has a null value. A value that arrived as a
/// quoted-string is written back quoted, so a re-serialised header still parses (a Via with <c>;x="a b"</c>).
/// </summary>
public sealed class SipParameters
{
    private readonly List<Parameter> _items = [];

    public int Count => _items.Count;
    public IEnumerable<KeyValuePair<string, string?>> Items => _items.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value));

    public bool Contains(string name) => _items.Exists(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public string? this[string name]
    {
        get => _items.Find(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
        set => Set(name, value);
    }

    public void Set(string name, string? value)
    {
        var index = _items.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0) _items[index] = new(name, value, Quoted: false);
        else _items.Add(new(name, value, Quoted: false));
    }

    public void Remove(string name) =>
        _items.RemoveAll(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public SipParameters Clone()
    {
        var copy = new SipParameters();
        copy._items.AddRange(_items);
        return copy;
    }

    /// <summary>Parses <c>;a=b;c</c> (leading semicolon optional), allowing LWS around names, '=' and values.</summary>
    internal static SipParameters Parse(string text)
    {
        var result = new SipParameters();
        foreach (var raw in SipText.SplitOutsideQuotes(text, ';'))
        {
            var part = raw.Trim();
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var name = (eq < 0 ? part : part[..eq]).Trim();
            if (!SipText.IsToken(name)) throw new SipParseException($"bad parameter name '{name}'");
            string? value = null;
            var quoted = false;
            if (eq >= 0)
            {
                value = part[(eq + 1)..].Trim();
                if (value.Length == 0) throw new SipParseException($"parameter '{name}' has '=' but no value");
                if (value[0] == '"')
                {
                    value = SipText.Unquote(value);
                    quoted = true;
                }
                else if (value.Any(char.IsWhiteSpace)) throw new SipParseException($"parameter '{name}' has whitespace in its value");
            }
            result._items.Add(new(name, value, quoted));
        }
        return result;
    }

    internal void AppendTo(StringBuilder sb, bool quoteValuesWithSpecials = false)
    {
        foreach (var (name, value, quoted) in _items)
        {
            sb.Append(';').Append(name);
            if (value is null) continue;
            sb.Append('=');
            // Header parameters are token, host or quoted-string (§25.1 gen-value): quote anything else.
            if (quoted || (quoteValuesWithSpecials && !SipText.IsToken(value) && !(value.StartsWith('[') && value.EndsWith(']')))) sb.Append(SipText.Quote(value));
            else sb.Append(value);
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    private readonly record struct Parameter(string Name, string? Value, bool Quoted);
}
