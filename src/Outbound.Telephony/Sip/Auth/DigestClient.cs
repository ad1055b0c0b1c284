using System.Globalization;
using System.Security.Cryptography;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Auth;

/// <summary>Credentials for one account (a carrier trunk or an agent line); with <paramref name="Realm"/> set, only that realm's challenges are answered.</summary>
public sealed record SipCredentials(string Username, string Password, string? Realm = null);

/// <summary>
/// Answers a 401 (WWW-Authenticate → Authorization) or 407 (Proxy-Authenticate → Proxy-Authorization) challenge
/// (RFC 3261 §22.2–22.3) with qop=auth when offered, MD5 or SHA-256 (RFC 8760 prefers SHA-256 when both are offered).
/// </summary>
public sealed class DigestClient(SipCredentials credentials)
{
    private int _nonceCount;

    /// <summary>
    /// Adds the credentials header to <paramref name="request"/> for the challenge in <paramref name="challenge"/>.
    /// False when the response carries no usable Digest challenge.
    /// </summary>
    public bool TryAuthorize(SipResponse challenge, SipRequest request)
    {
        var isProxy = challenge.StatusCode == 407;
        var challengeHeader = isProxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate;
        var options = challenge.Headers.GetAll(challengeHeader)
            .Select(DigestFields.Parse)
            .Where(f => f?["realm"] is not null && f["nonce"] is not null && DigestAlgorithm.Parse(f["algorithm"]) is not null)
            .Where(f => credentials.Realm is null || string.Equals(f!["realm"], credentials.Realm, StringComparison.Ordinal))
            .Select(f => f!)
            .ToList();
        if (options.Count == 0) return false;
        var chosen = options.FirstOrDefault(f => DigestAlgorithm.Parse(f["algorithm"]) == DigestAlgorithm.Sha256) ?? options[0];

        request.Headers.Remove(isProxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization);
        request.Headers.Add(isProxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization,
            BuildAuthorization(chosen, request.Method, request.Uri.ToString()));
        return true;
    }

    /// <summary>The credentials header value for <paramref name="challenge"/>; <paramref name="clientNonce"/> is fixed only by tests.</summary>
    public string BuildAuthorization(DigestFields challenge, string method, string uri, string? clientNonce = null)
    {
        var algorithm = DigestAlgorithm.Parse(challenge["algorithm"])!;
        var realm = challenge["realm"]!;
        var nonce = challenge["nonce"]!;
        var offersAuth = challenge["qop"]?.Split(',').Any(q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase)) ?? false;
        var qop = offersAuth ? "auth" : null;
        var nc = offersAuth ? Interlocked.Increment(ref _nonceCount).ToString("x8", CultureInfo.InvariantCulture) : null;
        var cnonce = offersAuth ? clientNonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) : null;

        var fields = new DigestFields
        {
            ["username"] = credentials.Username, ["realm"] = realm, ["nonce"] = nonce, ["uri"] = uri,
            ["response"] = DigestCalculator.Response(algorithm, credentials.Username, realm, credentials.Password, method, uri, nonce, qop, nc, cnonce),
            ["algorithm"] = algorithm.Name,
        };
        if (challenge["opaque"] is { } opaque) fields["opaque"] = opaque;
        if (offersAuth)
        {
            fields["qop"] = qop;
            fields["nc"] = nc;
            fields["cnonce"] = cnonce;
        }
        return fields.ToHeaderValue("algorithm", "qop", "nc");
    }
}
