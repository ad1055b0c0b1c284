namespace Outbound.Telephony.Sdp;

/// <summary>The c= line (RFC 4566 §5.7): network type IN, address type IP4/IP6 and a unicast address.</summary>
public sealed record SdpConnection(string AddressType, string Address)
{
    public static SdpConnection Parse(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6"))
            throw new FormatException($"bad c= line '{value}'");
        // A TTL or address count (multicast, "/n") is not ours to use: keep the address only.
        return new SdpConnection(parts[1], parts[2].Split('/')[0]);
    }

    public static SdpConnection For(System.Net.IPAddress address) =>
        new(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());

    public override string ToString() => $"IN {AddressType} {Address}";
}
