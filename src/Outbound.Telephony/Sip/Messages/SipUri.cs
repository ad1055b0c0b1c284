using System.Globalization;
using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1): <c>sip:user:password@host:port;params?headers</c>. Escapes in the
/// user part are kept as written (comparison rules of §19.1.4 are not needed by this user agent).
/// </summary>
public sealed class SipUri
{
    public required string Scheme { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public required string Host { get; init; }
    public int? Port { get; init; }
    public SipParameters Parameters { get; init; } = new();
    /// <summary>The raw <c>?headers</c> part without the question mark, or null.</summary>
    public string? Headers { get; init; }

    public bool IsSecure => Scheme == "sips";
    public bool LooseRouting => Parameters.Contains("lr");
    /// <summary>The transport parameter, upper case (UDP when absent).</summary>
    public string Transport => Parameters["transport"]?.ToUpperInvariant() ?? "UDP";

    public static SipUri Create(string? user, string host, int? port = null, string scheme = "sip") =>
        new() { Scheme = scheme, User = user, Host = host, Port = port };

    public SipUri With(string? user = null, SipParameters? parameters = null) => new()
    {
        Scheme = Scheme, User = user ?? User, Password = Password, Host = Host, Port = Port,
        Parameters = parameters ?? Parameters.Clone(), Headers = Headers,
    };

    /// <summary>The same URI without its parameters and headers (the form used for the To/From of a REGISTER, §10.2).</summary>
    public SipUri WithoutParameters() => new() { Scheme = Scheme, User = User, Host = Host, Port = Port };

    public static bool TryParse(string text, out SipUri? uri)
    {
        try
        {
            uri = Parse(text);
            return true;
        }
        catch (SipParseException)
        {
            uri = null;
            return false;
        }
    }

    public static bool IsSupportedScheme(string scheme) => scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase);

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3261 §25.1).</summary>
    internal static bool IsSchemeToken(string scheme) =>
        scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    internal static SipUri Parse(string text)
    {
        if (text.Any(c => c <= ' ' || c == 127)) throw new SipParseException($"whitespace or control character in URI '{text}'");
        var colon = text.IndexOf(':');
        if (colon <= 0) throw new SipParseException($"URI '{text}' has no scheme");
        var scheme = text[..colon].ToLowerInvariant();
        if (scheme is not ("sip" or "sips")) throw new SipParseException($"unsupported URI scheme '{scheme}'");
        var rest = text[(colon + 1)..];

        string? user = null, password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var passColon = userInfo.IndexOf(':');
            user = passColon < 0 ? userInfo : userInfo[..passColon];
            password = passColon < 0 ? null : userInfo[(passColon + 1)..];
            if (user.Length == 0) throw new SipParseException("empty user in URI");
        }

        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            headers = rest[(question + 1)..];
            rest = rest[..question];
        }
        var semi = rest.IndexOf(';');
        var hostPort = semi < 0 ? rest : rest[..semi];
        var parameters = semi < 0 ? new SipParameters() : SipParameters.Parse(rest[semi..]);
        var (host, port) = ParseHostPort(hostPort);
        return new SipUri { Scheme = scheme, User = user, Password = password, Host = host, Port = port, Parameters = parameters, Headers = headers };
    }

    internal static (string Host, int? Port) ParseHostPort(string hostPort)
    {
        string host;
        string? portText = null;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) throw new SipParseException("unterminated IPv6 reference");
            host = hostPort[..(close + 1)];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':') throw new SipParseException("text after IPv6 reference");
                portText = after[1..];
            }
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            portText = colon < 0 ? null : hostPort[(colon + 1)..];
            if (host.Length == 0 || !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
                throw new SipParseException($"bad host '{host}'");
        }
        int? port = null;
        if (portText is not null)
        {
            if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit)) throw new SipParseException($"bad port '{portText}'");
            port = int.Parse(portText, CultureInfo.InvariantCulture);
            if (port > 65535) throw new SipParseException($"port {port} is out of range");
        }
        return (host, port);
    }

    public override string ToString()
    {
        var sb = new StringBuilder(64).Append(Scheme).Append(':');
        if (User is not null)
        {
            sb.Append(User);
            if (Password is not null) sb.Append(':').Append(Password);
            sb.Append('@');
        }
        sb.Append(Host);
        if (Port is { } port) sb.Append(':').Append(port);
        Parameters.AppendTo(sb);
        if (Headers is not null) sb.Append('?').Append(Headers);
        return sb.ToString();
    }
}
