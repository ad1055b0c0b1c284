namespace Outbound.Telephony.Sdp;

/// <summary>An a=rtpmap attribute (RFC 4566 §6): payload type → encoding name / clock rate [/ channels].</summary>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    public static SdpRtpMap Parse(string value)
    {
        var space = value.IndexOf(' ');
        if (space < 0 || !int.TryParse(value[..space], out var payloadType)) throw new FormatException($"bad rtpmap '{value}'");
        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || !int.TryParse(parts[1], out var clockRate)) throw new FormatException($"bad rtpmap '{value}'");
        int? channels = parts.Length > 2 && int.TryParse(parts[2], out var c) ? c : null;
        return new SdpRtpMap(payloadType, parts[0], clockRate, channels);
    }

    public bool Is(string encodingName, int clockRate) =>
        string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase) && ClockRate == clockRate;

    public override string ToString() => $"{PayloadType} {EncodingName}/{ClockRate}" + (Channels is { } c ? $"/{c}" : "");
}
