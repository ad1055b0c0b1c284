using System.Text;

namespace Outbound.Core.Lists;

/// <summary>
/// The encoding a list file is read with. <see cref="Name"/> is "utf-8" or "gb18030" (stored in
/// <c>list_imports.encoding</c>); <see cref="PreambleLength"/> bytes of byte-order mark are skipped.
/// The UTF-8 decoder throws on invalid bytes so that a mis-detected file fails loudly instead of
/// loading mojibake.
/// </summary>
public sealed record DetectedEncoding(string Name, Encoding Encoding, int PreambleLength, bool WasDetected)
{
    public bool HasBom => PreambleLength > 0;
}
