using System.Globalization;

namespace Outbound.Telephony.Sdp;

/// <summary>
/// The o= line's session version as text-level operations (RFC 3264 §8, RFC 4566 §5.2): read it, or raise it by one
/// when the description changed, leaving every other line as it was (a B2BUA passes other parties' SDP through).
/// </summary>
public static class SdpVersion
{
    public static ulong? Of(string? sdp)
    {
        if (OriginFields(sdp) is not { } fields) return null;
        return ulong.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>
    /// <paramref name="sdp"/> with the o= line of <paramref name="origin"/> (same username, session id and address) at
    /// <paramref name="version"/>: what a side sends when its description changes.
    /// </summary>
    public static string WithOrigin(string sdp, string origin, ulong version)
    {
        if (OriginFields(origin) is not { } fields) return sdp;
        fields[2] = version.ToString(CultureInfo.InvariantCulture);
        var lines = sdp.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("o=", StringComparison.Ordinal)) continue;
            lines[i] = "o=" + string.Join(' ', fields) + (lines[i].EndsWith('\r') ? "\r" : string.Empty);
            return string.Join('\n', lines);
        }
        return sdp;
    }

    private static string[]? OriginFields(string? sdp)
    {
        if (sdp is null) return null;
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith("o=", StringComparison.Ordinal)) continue;
            var fields = line[2..].Split(' ');
            return fields.Length == 6 ? fields : null;
        }
        return null;
    }

    /// <summary>Everything but the o= line, to tell a changed description from the same one re-sent.</summary>
    public static string WithoutOrigin(string sdp) =>
        string.Join('\n', sdp.Replace("\r\n", "\n").Split('\n').Where(l => !l.StartsWith("o=", StringComparison.Ordinal)));
}
