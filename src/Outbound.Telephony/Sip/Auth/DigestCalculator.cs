namespace Outbound.Telephony.Sip.Auth;

/// <summary>The request-digest of RFC 2617 §3.2.2 / RFC 7616 §3.4.1 (qop=auth, or none for RFC 2069 servers).</summary>
public static class DigestCalculator
{
    public static string Response(
        DigestAlgorithm algorithm, string username, string realm, string password, string method, string uri,
        string nonce, string? qop, string? nonceCount, string? clientNonce)
        => ResponseFromHa1(algorithm, Ha1(algorithm, username, realm, password), method, uri, nonce, qop, nonceCount, clientNonce);

    /// <summary>H(username:realm:password): what a registrar may store instead of the password (RFC 7616 §3.4.2).</summary>
    public static string Ha1(DigestAlgorithm algorithm, string username, string realm, string password) =>
        algorithm.Hash($"{username}:{realm}:{password}");

    /// <summary>The request-digest from a stored HA1 (the -sess forms fold the nonces in here).</summary>
    public static string ResponseFromHa1(
        DigestAlgorithm algorithm, string ha1, string method, string uri, string nonce, string? qop, string? nonceCount, string? clientNonce)
    {
        if (algorithm.IsSession) ha1 = algorithm.Hash($"{ha1}:{nonce}:{clientNonce}");
        var ha2 = algorithm.Hash($"{method}:{uri}");
        return qop is null
            ? algorithm.Hash($"{ha1}:{nonce}:{ha2}")
            : algorithm.Hash($"{ha1}:{nonce}:{nonceCount}:{clientNonce}:{qop}:{ha2}");
    }
}
