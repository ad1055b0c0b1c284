using System.Security.Cryptography;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>Fresh branch ids (§8.1.1.7, with the magic cookie), tags (§19.3) and Call-IDs (§8.1.1.4).</summary>
public static class SipIds
{
    public static string Branch() => ViaHeader.MagicCookie + Random(10);
    public static string Tag() => Random(8);
    public static string CallId() => Random(16);

    private static string Random(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
