namespace Outbound.Telephony.Sdp;

/// <summary>
/// Direction attributes read and rewritten in SDP text, leaving every other line as it was (RFC 3264 §8.4; RFC 6337
/// §5.3: hold with sendonly, or inactive when the held side plays nothing): how a re-INVITE holds or resumes a call.
/// </summary>
public static class MediaDirectionSdp
{
    private static readonly string[] Attributes = ["a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive"];

    /// <summary>Rewrites every direction attribute of an SDP body to <paramref name="direction"/> (adding one per media section when absent).</summary>
    public static string Apply(string sdp, MediaDirection direction)
    {
        var wanted = "a=" + direction.ToAttribute();
        var lines = sdp.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !Attributes.Contains(l.Trim())).ToList();
        // a= lines close a media section (RFC 4566 §5 order), so the attribute goes before the next m= and at the end.
        var result = new List<string>();
        var inMedia = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                if (inMedia) result.Add(wanted);
                inMedia = true;
            }
            result.Add(line);
        }
        if (inMedia) result.Add(wanted);
        return string.Join("\r\n", result) + "\r\n";
    }

    /// <summary>The direction of the first media section (sendrecv when none is written).</summary>
    public static MediaDirection Read(string sdp)
    {
        foreach (var line in sdp.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("a=", StringComparison.Ordinal) && MediaDirections.FromAttribute(trimmed[2..]) is { } direction) return direction;
        }
        return MediaDirection.SendRecv;
    }
}
