using System.Text;
using System.Text.RegularExpressions;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>One Via value (RFC 3261 §20.42, §18.2.1): <c>SIP/2.0/UDP host:port;branch=z9hG4bK…;received=…;rport</c>.</summary>
public sealed partial class ViaHeader
{
    /// <summary>The RFC 3261 branch prefix (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    public required string Transport { get; init; }
    public required string Host { get; init; }
    public int? Port { get; init; }
    public SipParameters Parameters { get; init; } = new();

    public string? Branch => Parameters["branch"];
    public string? Received => Parameters["received"];

    public static ViaHeader Create(string transport, string host, int port, string branch)
    {
        var via = new ViaHeader { Transport = transport, Host = host, Port = port };
        via.Parameters.Set("branch", branch);
        via.Parameters.Set("rport", null);
        return via;
    }

    [GeneratedRegex(@"^\s*SIP\s*/\s*2\.0\s*/\s*([A-Za-z0-9\-.!%*_+`'~]+)\s+(\S+?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SentProtocol();

    internal static ViaHeader Parse(string text)
    {
        var parts = SipText.SplitOutsideQuotes(text, ';');
        var match = SentProtocol().Match(parts[0]);
        if (!match.Success) throw new SipParseException($"bad Via '{text}'");
        var (host, port) = SipUri.ParseHostPort(match.Groups[2].Value);
        var parameters = SipParameters.Parse(string.Join(';', parts.Skip(1).Prepend(string.Empty)));
        if (parameters["branch"] is { } branch && !branch.All(SipText.IsTokenChar)) throw new SipParseException("bad Via branch");
        return new ViaHeader { Transport = match.Groups[1].Value.ToUpperInvariant(), Host = host, Port = port, Parameters = parameters };
    }

    public override string ToString()
    {
        var sb = new StringBuilder(80).Append("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is { } port) sb.Append(':').Append(port);
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
