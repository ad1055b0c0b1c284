namespace Outbound.Telephony.Sdp;

/// <summary>The o= line (RFC 4566 §5.2): username, session id and version, and the originator's address.</summary>
public sealed record SdpOrigin(string Username, ulong SessionId, ulong SessionVersion, string AddressType, string Address)
{
    public static SdpOrigin Parse(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6 || parts[3] != "IN" || !ulong.TryParse(parts[1], out var id) || !ulong.TryParse(parts[2], out var version))
            throw new FormatException($"bad o= line '{value}'");
        return new SdpOrigin(parts[0], id, version, parts[4], parts[5]);
    }

    public override string ToString() => $"{Username} {SessionId} {SessionVersion} IN {AddressType} {Address}";
}
