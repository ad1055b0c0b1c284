using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// The value of From, To, Contact, Route and Record-Route (RFC 3261 §20.10, §25.1):
/// <c>["display name"] &lt;uri&gt;;header-params</c> or a bare addr-spec whose <c>;params</c> are header parameters.
/// </summary>
public sealed class NameAddress
{
    public string? DisplayName { get; init; }
    public required SipUri Uri { get; init; }
    public SipParameters Parameters { get; init; } = new();

    public string? Tag => Parameters["tag"];

    public NameAddress WithTag(string tag)
    {
        var parameters = Parameters.Clone();
        parameters.Set("tag", tag);
        return new NameAddress { DisplayName = DisplayName, Uri = Uri, Parameters = parameters };
    }

    public static NameAddress For(SipUri uri, string? tag = null)
    {
        var address = new NameAddress { Uri = uri };
        if (tag is not null) address.Parameters.Set("tag", tag);
        return address;
    }

    public static bool TryParse(string text, out NameAddress? address)
    {
        try
        {
            address = Parse(text);
            return true;
        }
        catch (SipParseException)
        {
            address = null;
            return false;
        }
    }

    internal static NameAddress Parse(string text)
    {
        var s = text.Trim();
        var lt = IndexOfAngleOutsideQuotes(s);
        if (lt < 0)
        {
            // addr-spec: the URI cannot carry ';' params, so every ';' starts a header parameter (§20).
            var semi = s.IndexOf(';');
            var uriText = (semi < 0 ? s : s[..semi]).TrimEnd();
            // A URI with ',', '?' or ';' must be enclosed in <> (§20, RFC 4475 §3.1.2.13).
            if (uriText.Any(c => char.IsWhiteSpace(c) || c is '?' or ',')) throw new SipParseException($"addr-spec '{uriText}' needs <>");
            return new NameAddress
            {
                Uri = SipUri.Parse(uriText),
                Parameters = semi < 0 ? new SipParameters() : SipParameters.Parse(s[semi..]),
            };
        }

        var display = ParseDisplayName(s[..lt].Trim());
        var gt = s.IndexOf('>', lt);
        if (gt < 0) throw new SipParseException("missing '>'");
        var uri = SipUri.Parse(s[(lt + 1)..gt]);
        var tail = s[(gt + 1)..].Trim();
        if (tail.Length > 0 && tail[0] != ';') throw new SipParseException($"unexpected text '{tail}' after '>'");
        return new NameAddress { DisplayName = display, Uri = uri, Parameters = SipParameters.Parse(tail) };
    }

    private static int IndexOfAngleOutsideQuotes(string s)
    {
        var inQuotes = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (inQuotes)
            {
                if (s[i] == '\\') i++;
                else if (s[i] == '"') inQuotes = false;
            }
            else if (s[i] == '"') inQuotes = true;
            else if (s[i] == '<') return i;
        }
        if (inQuotes) throw new SipParseException("unterminated quoted display name");
        return -1;
    }

    private static string? ParseDisplayName(string display)
    {
        if (display.Length == 0) return null;
        if (display[0] == '"')
        {
            var (value, end) = SipText.ReadQuoted(display, 0);
            if (end != display.Length) throw new SipParseException("text after quoted display name");
            return value;
        }
        // *(token LWS): tokens separated by whitespace only (RFC 4475 §3.1.2.15 rejects other characters).
        foreach (var word in display.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            if (!SipText.IsToken(word)) throw new SipParseException($"display name '{display}' has non-token characters");
        return display;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(96);
        if (DisplayName is not null) sb.Append(SipText.Quote(DisplayName)).Append(' ');
        sb.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(sb, quoteValuesWithSpecials: true);
        return sb.ToString();
    }
}
