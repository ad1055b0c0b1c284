using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Auth;

/// <summary>The verdict on a request's credentials.</summary>
public enum DigestVerdict
{
    Accepted,
    /// <summary>No credentials for this realm: challenge.</summary>
    Missing,
    /// <summary>Right password but an expired nonce: challenge again with stale=true (RFC 7616 §3.3).</summary>
    Stale,
    Rejected,
}

/// <summary>
/// Challenges and verifies requests from agent phones (RFC 3261 §22.4, RFC 7616 qop=auth, MD5 and SHA-256).
/// Nonces are self-validating (time stamp + HMAC), so no per-nonce state is needed except the replay guard
/// on nonce-counts. <paramref name="algorithms"/> are offered in order of preference (default SHA-256 then MD5,
/// RFC 8760 §2.4); phones that give up on the first unknown algorithm (baresip 1.0) need MD5 alone.
/// </summary>
public sealed class DigestServer
{
    private readonly string _realm;
    private readonly TimeProvider _time;
    private readonly Func<string, DigestAlgorithm, string?> _ha1Of;
    private readonly IReadOnlyList<DigestAlgorithm> _algorithms;
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> _lastNonceCount = new();

    public DigestServer(string realm, TimeProvider time, Func<string, string?> passwordOf, IReadOnlyList<DigestAlgorithm>? algorithms = null)
        : this(realm, time, (user, algorithm) => passwordOf(user) is { } password ? DigestCalculator.Ha1(algorithm, user, realm, password) : null, algorithms)
    {
    }

    /// <summary>
    /// A server that never sees passwords: <paramref name="ha1Of"/> gives H(username:realm:password) for the
    /// user and the (non-session) hash algorithm of the request, or null for an unknown user.
    /// </summary>
    public DigestServer(string realm, TimeProvider time, Func<string, DigestAlgorithm, string?> ha1Of, IReadOnlyList<DigestAlgorithm>? algorithms = null)
    {
        _realm = realm;
        _time = time;
        _ha1Of = ha1Of;
        _algorithms = algorithms ?? [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];
    }

    public string Realm => _realm;

    /// <summary>WWW-Authenticate values to send with a 401, one per offered algorithm, sharing one nonce.</summary>
    public IReadOnlyList<string> Challenges(bool stale = false)
    {
        var nonce = IssueNonce();
        return _algorithms.Select(a => Challenge(a, nonce, stale)).ToList();
    }

    /// <summary>The 401 that asks <paramref name="request"/>'s sender to authenticate (again, when <paramref name="stale"/>).</summary>
    public SipResponse ChallengeFor(SipRequest request, bool stale)
    {
        var response = SipResponse.For(request, 401, toTag: SipIds.Tag());
        foreach (var challenge in Challenges(stale)) response.Headers.Add(SipHeaderNames.WwwAuthenticate, challenge);
        return response;
    }

    private string Challenge(DigestAlgorithm algorithm, string nonce, bool stale)
    {
        var fields = new DigestFields { ["realm"] = _realm, ["nonce"] = nonce, ["qop"] = "auth", ["algorithm"] = algorithm.Name };
        if (stale) fields["stale"] = "true";
        return fields.ToHeaderValue("algorithm", "stale");
    }

    public DigestVerdict Verify(SipRequest request, out string? username)
    {
        username = null;
        var fields = request.Headers.GetAll(SipHeaderNames.Authorization)
            .Select(DigestFields.Parse)
            .FirstOrDefault(f => f is not null && string.Equals(f["realm"], _realm, StringComparison.Ordinal));
        if (fields is null) return DigestVerdict.Missing;
        username = fields["username"];
        var nonce = fields["nonce"];
        var uri = fields["uri"];
        var response = fields["response"];
        var algorithm = DigestAlgorithm.Parse(fields["algorithm"]);
        if (username is null || nonce is null || uri is null || response is null || algorithm is null) return DigestVerdict.Rejected;
        var ha1 = _ha1Of(username, algorithm.Name.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Sha256 : DigestAlgorithm.Md5);
        if (ha1 is null) return DigestVerdict.Rejected;

        var qop = fields["qop"];
        if (qop is not null && !qop.Equals("auth", StringComparison.OrdinalIgnoreCase)) return DigestVerdict.Rejected;
        var expected = DigestCalculator.ResponseFromHa1(algorithm, ha1, request.Method, uri, nonce, qop, fields["nc"], fields["cnonce"]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
            return DigestVerdict.Rejected;
        var nonceState = CheckNonce(nonce);
        if (nonceState == NonceState.Forged) return DigestVerdict.Rejected;
        if (nonceState == NonceState.Expired) return DigestVerdict.Stale;
        if (qop is not null && !AdvanceNonceCount(nonce, fields["nc"])) return DigestVerdict.Rejected;
        return DigestVerdict.Accepted;
    }

    private enum NonceState { Fresh, Expired, Forged }

    private string IssueNonce()
    {
        var stamp = BitConverter.GetBytes(_time.GetUtcNow().ToUnixTimeMilliseconds());
        var salt = RandomNumberGenerator.GetBytes(8);
        var body = stamp.Concat(salt).ToArray();
        var mac = HMACSHA256.HashData(_secret, body).AsSpan(0, 16).ToArray();
        return Convert.ToBase64String(body.Concat(mac).ToArray());
    }

    private NonceState CheckNonce(string nonce)
    {
        var buffer = new byte[32];
        if (!Convert.TryFromBase64String(nonce, buffer, out var length) || length != 32) return NonceState.Forged;
        var mac = HMACSHA256.HashData(_secret, buffer.AsSpan(0, 16)).AsSpan(0, 16);
        if (!CryptographicOperations.FixedTimeEquals(mac, buffer.AsSpan(16, 16))) return NonceState.Forged;
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BitConverter.ToInt64(buffer, 0));
        return _time.GetUtcNow() - issued > NonceLifetime ? NonceState.Expired : NonceState.Fresh;
    }

    /// <summary>Replay guard: each use of a nonce must carry a higher nonce-count (RFC 7616 §3.4).</summary>
    private bool AdvanceNonceCount(string nonce, string? nc)
    {
        if (nc is null || !long.TryParse(nc, System.Globalization.NumberStyles.HexNumber, null, out var count)) return false;
        if (_lastNonceCount.Count > 100_000) _lastNonceCount.Clear();
        var accepted = false;
        _lastNonceCount.AddOrUpdate(nonce, _ => { accepted = true; return count; }, (_, last) =>
        {
            accepted = count > last;
            return accepted ? count : last;
        });
        return accepted;
    }
}
