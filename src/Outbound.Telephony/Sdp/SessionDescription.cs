using System.Text;

namespace Outbound.Telephony.Sdp;

/// <summary>
/// A session description (RFC 4566 subset: v, o, s, c, t, m and a lines). Parsing is lenient about
/// line endings (CRLF or LF, RFC 4566 §5) and unknown lines, strict about the lines we rely on.
/// </summary>
public sealed record SessionDescription
{
    public required SdpOrigin Origin { get; init; }
    public string SessionName { get; init; } = "-";
    public SdpConnection? Connection { get; init; }
    public string Timing { get; init; } = "0 0";
    /// <summary>A session-level direction attribute, the default for m= lines without one.</summary>
    public MediaDirection? Direction { get; init; }
    public IReadOnlyList<SdpMedia> Media { get; init; } = [];

    /// <summary>The direction that applies to a media section (media level, else session level, else sendrecv).</summary>
    public MediaDirection DirectionOf(SdpMedia media) => media.Direction ?? Direction ?? MediaDirection.SendRecv;

    /// <summary>The connection that applies to a media section (media level, else session level).</summary>
    public SdpConnection? ConnectionOf(SdpMedia media) => media.Connection ?? Connection;

    public static SessionDescription Parse(string text)
    {
        SdpOrigin? origin = null;
        string sessionName = "-", timing = "0 0";
        SdpConnection? connection = null;
        MediaDirection? direction = null;
        var media = new List<SdpMedia>();
        MediaBuilder? current = null;
        var sawVersion = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.Length < 2 || line[1] != '=') throw new FormatException($"bad SDP line '{line}'");
            var value = line[2..];
            switch (line[0])
            {
                case 'v':
                    if (value != "0") throw new FormatException($"unsupported SDP version '{value}'");
                    sawVersion = true;
                    break;
                case 'o': origin = SdpOrigin.Parse(value); break;
                case 's': sessionName = value; break;
                case 't': timing = value; break;
                case 'c':
                    if (current is null) connection = SdpConnection.Parse(value);
                    else current.Connection = SdpConnection.Parse(value);
                    break;
                case 'm':
                    if (current is not null) media.Add(current.Build());
                    current = MediaBuilder.Parse(value);
                    break;
                case 'a':
                    if (current is not null) current.AddAttribute(value);
                    else if (MediaDirections.FromAttribute(value) is { } sessionDirection) direction = sessionDirection;
                    break;
            }
        }
        if (current is not null) media.Add(current.Build());
        if (!sawVersion) throw new FormatException("SDP has no v= line");
        return new SessionDescription
        {
            Origin = origin ?? throw new FormatException("SDP has no o= line"),
            SessionName = sessionName,
            Connection = connection,
            Timing = timing,
            Direction = direction,
            Media = media,
        };
    }

    public override string ToString()
    {
        var sdp = new StringBuilder();
        sdp.Append("v=0\r\n");
        sdp.Append($"o={Origin}\r\n");
        sdp.Append($"s={SessionName}\r\n");
        if (Connection is not null) sdp.Append($"c={Connection}\r\n");
        sdp.Append($"t={Timing}\r\n");
        if (Direction is { } direction) sdp.Append($"a={direction.ToAttribute()}\r\n");
        foreach (var section in Media) section.AppendTo(sdp);
        return sdp.ToString();
    }

    private sealed class MediaBuilder
    {
        private readonly List<SdpRtpMap> _rtpMaps = [];
        private readonly Dictionary<int, string> _fmtps = [];
        private readonly List<string> _other = [];
        private string _media = "";
        private int _port;
        private string _protocol = "";
        private List<int> _formats = [];
        private MediaDirection? _direction;
        private int? _ptime;

        public SdpConnection? Connection { get; set; }

        public static MediaBuilder Parse(string value)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !int.TryParse(parts[1].Split('/')[0], out var port))
                throw new FormatException($"bad m= line '{value}'");
            var formats = new List<int>();
            foreach (var format in parts.Skip(3))
                formats.Add(int.TryParse(format, out var payloadType) ? payloadType : throw new FormatException($"bad payload type '{format}' in m= line"));
            return new MediaBuilder { _media = parts[0], _port = port, _protocol = parts[2], _formats = formats };
        }

        public void AddAttribute(string attribute)
        {
            var colon = attribute.IndexOf(':');
            var name = colon < 0 ? attribute : attribute[..colon];
            var value = colon < 0 ? "" : attribute[(colon + 1)..];
            switch (name)
            {
                case "rtpmap": _rtpMaps.Add(SdpRtpMap.Parse(value)); break;
                case "fmtp":
                    var space = value.IndexOf(' ');
                    if (space > 0 && int.TryParse(value[..space], out var payloadType)) _fmtps[payloadType] = value[(space + 1)..];
                    else _other.Add(attribute);
                    break;
                case "ptime" when int.TryParse(value, out var ptime): _ptime = ptime; break;
                default:
                    if (MediaDirections.FromAttribute(attribute) is { } direction) _direction = direction;
                    else _other.Add(attribute);
                    break;
            }
        }

        public SdpMedia Build() => new()
        {
            Media = _media,
            Port = _port,
            Protocol = _protocol,
            Formats = _formats,
            RtpMaps = _rtpMaps,
            Fmtps = _fmtps,
            Connection = Connection,
            Direction = _direction,
            Ptime = _ptime,
            OtherAttributes = _other,
        };
    }
}
