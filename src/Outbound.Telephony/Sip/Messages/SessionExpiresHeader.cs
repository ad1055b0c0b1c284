using System.Globalization;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>Who sends the session refreshes, relative to the transaction that carries the header (RFC 4028 §4).</summary>
public enum SessionRefresher { Uac, Uas }

/// <summary>Session-Expires (RFC 4028 §4): the session interval in seconds and, optionally, who refreshes.</summary>
public sealed record SessionExpiresHeader(long Seconds, SessionRefresher? Refresher = null)
{
    public TimeSpan Interval => TimeSpan.FromSeconds(Seconds);

    internal static SessionExpiresHeader Parse(string text)
    {
        var semi = text.IndexOf(';');
        var seconds = SipText.ParseBounded(semi < 0 ? text : text[..semi], uint.MaxValue, "Session-Expires");
        var parameters = semi < 0 ? new SipParameters() : SipParameters.Parse(text[semi..]);
        SessionRefresher? refresher = parameters["refresher"]?.ToLowerInvariant() switch
        {
            null => null,
            "uac" => SessionRefresher.Uac,
            "uas" => SessionRefresher.Uas,
            var other => throw new SipParseException($"bad Session-Expires refresher '{other}'"),
        };
        return new SessionExpiresHeader(seconds, refresher);
    }

    public override string ToString()
    {
        var seconds = Seconds.ToString(CultureInfo.InvariantCulture);
        return Refresher switch
        {
            SessionRefresher.Uac => seconds + ";refresher=uac",
            SessionRefresher.Uas => seconds + ";refresher=uas",
            _ => seconds,
        };
    }
}
