namespace Outbound.Telephony.Tests.Sip.Messages;

/// <summary>RFC 4475 torture messages, stored with LF line ends and sent with CRLF as on the wire.</summary>
internal static class TortureVectors
{
    private static string Folder(string kind) => Path.Combine(AppContext.BaseDirectory, "Sip", "Vectors", kind);

    public static byte[] Load(string kind, string name)
    {
        var raw = File.ReadAllBytes(Path.Combine(Folder(kind), name + ".sip"));
        var wire = new List<byte>(raw.Length + 64);
        foreach (var b in raw)
        {
            if (b == (byte)'\n') wire.Add((byte)'\r');
            wire.Add(b);
        }
        return wire.ToArray();
    }

    public static string[] List(string kind) =>
        Directory.GetFiles(Folder(kind), "*.sip").Order().Select(f => Path.GetFileNameWithoutExtension(f)).ToArray();

    public static TheoryData<string> Names(string kind) => new(List(kind));
}
