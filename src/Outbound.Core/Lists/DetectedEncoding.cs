using System.Text;

namespace Outbound.Core.Lists;

/// <summary>
/// The encoding a text list is read with. <see cref="Name"/> is "utf-8", "gb18030", "utf-16le" or "utf-16be" (stored in
/// <c>list_imports.encoding</c>); <see cref="PreambleLength"/> bytes of byte-order mark are skipped.
/// </summary>
public sealed record DetectedEncoding(string Name, Encoding Encoding, int PreambleLength, bool WasDetected)
{
    public bool HasBom => PreambleLength > 0;
}
