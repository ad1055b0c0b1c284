using System.Text;

namespace Outbound.Telephony.Sdp;

/// <summary>
/// One m= section (RFC 4566 §5.14) with the attributes we act on: rtpmap, fmtp, direction and ptime.
/// Other attributes are kept verbatim so that a parsed description serialises back without loss.
/// </summary>
public sealed record SdpMedia
{
    public required string Media { get; init; }
    /// <summary>0 marks a rejected or disabled stream (RFC 3264 §6).</summary>
    public required int Port { get; init; }
    public string Protocol { get; init; } = "RTP/AVP";
    public required IReadOnlyList<int> Formats { get; init; }
    public IReadOnlyList<SdpRtpMap> RtpMaps { get; init; } = [];
    public IReadOnlyDictionary<int, string> Fmtps { get; init; } = new Dictionary<int, string>();
    public SdpConnection? Connection { get; init; }
    /// <summary>The direction given on this m= line, if any.</summary>
    public MediaDirection? Direction { get; init; }
    public int? Ptime { get; init; }
    public IReadOnlyList<string> OtherAttributes { get; init; } = [];

    /// <summary>The rtpmap of a payload type, falling back to the static types of RFC 3551 §6 (0 PCMU, 8 PCMA).</summary>
    public SdpRtpMap? RtpMapFor(int payloadType) =>
        RtpMaps.FirstOrDefault(m => m.PayloadType == payloadType) ?? payloadType switch
        {
            0 => new SdpRtpMap(0, "PCMU", 8000),
            8 => new SdpRtpMap(8, "PCMA", 8000),
            _ => null,
        };

    internal void AppendTo(StringBuilder sdp)
    {
        sdp.Append($"m={Media} {Port} {Protocol} {string.Join(' ', Formats)}\r\n");
        if (Connection is not null) sdp.Append($"c={Connection}\r\n");
        foreach (var map in RtpMaps) sdp.Append($"a=rtpmap:{map}\r\n");
        foreach (var (payloadType, parameters) in Fmtps) sdp.Append($"a=fmtp:{payloadType} {parameters}\r\n");
        if (Ptime is { } ptime) sdp.Append($"a=ptime:{ptime}\r\n");
        if (Direction is { } direction) sdp.Append($"a={direction.ToAttribute()}\r\n");
        foreach (var attribute in OtherAttributes) sdp.Append($"a={attribute}\r\n");
    }
}
