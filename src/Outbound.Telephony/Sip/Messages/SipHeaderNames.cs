namespace Outbound.Telephony.Sip.Messages;

/// <summary>Canonical header names, compact forms (RFC 3261 §7.3.3) and which headers are comma lists.</summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string Authorization = "Authorization";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string Expires = "Expires";
    public const string MinExpires = "Min-Expires";
    public const string RetryAfter = "Retry-After";
    public const string UserAgent = "User-Agent";
    public const string Allow = "Allow";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string ProxyRequire = "Proxy-Require";
    public const string Unsupported = "Unsupported";
    public const string Accept = "Accept";
    public const string SessionExpires = "Session-Expires";
    public const string MinSe = "Min-SE";

    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = CallId, ["m"] = Contact, ["e"] = "Content-Encoding", ["l"] = ContentLength, ["c"] = ContentType,
        ["f"] = From, ["s"] = "Subject", ["k"] = Supported, ["t"] = To, ["v"] = Via, ["r"] = "Refer-To",
        ["o"] = "Event", ["u"] = "Allow-Events", ["x"] = "Session-Expires",
        [Via] = Via, [From] = From, [To] = To, [CallId] = CallId, [CSeq] = CSeq, [Contact] = Contact,
        [MaxForwards] = MaxForwards, [Route] = Route, [RecordRoute] = RecordRoute, [ContentLength] = ContentLength,
        [ContentType] = ContentType, [WwwAuthenticate] = WwwAuthenticate, [ProxyAuthenticate] = ProxyAuthenticate,
        [Authorization] = Authorization, [ProxyAuthorization] = ProxyAuthorization, [Expires] = Expires,
        [MinExpires] = MinExpires, [RetryAfter] = RetryAfter, [UserAgent] = UserAgent, [Allow] = Allow, [Supported] = Supported,
        [Require] = Require, [ProxyRequire] = ProxyRequire, [Unsupported] = Unsupported, [Accept] = Accept,
        [SessionExpires] = SessionExpires, [MinSe] = MinSe,
    };

    /// <summary>Headers whose values are comma-separated lists (§7.3.1) and are split into one entry per value.</summary>
    private static readonly HashSet<string> Lists = new(StringComparer.OrdinalIgnoreCase)
    {
        Via, Contact, Route, RecordRoute, Allow, Supported, Require, ProxyRequire, Unsupported,
        Accept, "Accept-Encoding", "Accept-Language",
    };

    /// <summary>Headers that must appear at most once (RFC 4475 §3.1.2.x: duplicates make the message invalid).</summary>
    internal static readonly string[] Singletons = [From, To, CallId, CSeq, MaxForwards, ContentLength, ContentType, Expires, MinExpires, SessionExpires, MinSe];

    public static string Normalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;
    public static bool IsList(string name) => Lists.Contains(name);
}
