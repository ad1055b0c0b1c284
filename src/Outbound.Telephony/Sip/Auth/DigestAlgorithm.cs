using System.Security.Cryptography;
using System.Text;

namespace Outbound.Telephony.Sip.Auth;

/// <summary>The digest hash functions of RFC 7616 §3.3 (MD5, SHA-256, and their -sess forms) as used by SIP (RFC 8760).</summary>
public sealed record DigestAlgorithm(string Name, bool IsSession)
{
    public static readonly DigestAlgorithm Md5 = new("MD5", false);
    public static readonly DigestAlgorithm Sha256 = new("SHA-256", false);

    public static DigestAlgorithm? Parse(string? name) => name?.ToUpperInvariant() switch
    {
        null or "MD5" => Md5,
        "SHA-256" => Sha256,
        "MD5-SESS" => new("MD5-sess", true),
        "SHA-256-SESS" => new("SHA-256-sess", true),
        _ => null,
    };

    /// <summary>Lower-case hex of the hash of <paramref name="text"/> (UTF-8).</summary>
    public string Hash(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = Name.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase) ? SHA256.HashData(bytes) : MD5.HashData(bytes);
        return Convert.ToHexStringLower(digest);
    }
}
