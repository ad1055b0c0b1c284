using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Tests.Sip.Auth;

public sealed class DigestTests
{
    [Fact]
    public void Rfc2617_section_3_5_vector()
    {
        var response = DigestCalculator.Response(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET",
            "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_section_3_9_1_vectors(string algorithm, string expected)
    {
        var response = DigestCalculator.Response(DigestAlgorithm.Parse(algorithm)!, "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
            "/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.Equal(expected, response);
    }

    [Fact]
    public void Client_answers_a_challenge_with_the_rfc7616_response()
    {
        var challenge = DigestFields.Parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")!;
        var client = new DigestClient(new SipCredentials("Mufasa", "Circle of Life"));

        var header = DigestFields.Parse(client.BuildAuthorization(challenge, "GET", "/dir/index.html", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"))!;

        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", header["response"]);
        Assert.Equal("00000001", header["nc"]);
        Assert.Equal("auth", header["qop"]);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", header["opaque"]);
    }

    [Theory]
    [InlineData(401, "WWW-Authenticate", "Authorization")]
    [InlineData(407, "Proxy-Authenticate", "Proxy-Authorization")]
    public void Client_puts_credentials_in_the_header_matching_the_challenge(int status, string challengeHeader, string credentialsHeader)
    {
        var request = NewRegister();
        var response = SipResponse.For(request, status);
        response.Headers.Add(challengeHeader, "Digest realm=\"carrier\", nonce=\"abc\", algorithm=MD5");

        Assert.True(new DigestClient(new SipCredentials("trunk", "pw")).TryAuthorize(response, request));
        var fields = DigestFields.Parse(request.Headers[credentialsHeader]!)!;
        Assert.Equal(DigestCalculator.Response(DigestAlgorithm.Md5, "trunk", "carrier", "pw", "REGISTER", "sip:127.0.0.1", "abc", null, null, null), fields["response"]);
        Assert.Null(fields["qop"]);
    }

    [Fact]
    public void Server_accepts_right_password_and_rejects_wrong_one_and_replay()
    {
        var time = new FakeTimeProvider();
        var server = new DigestServer("outbound", time, user => user == "agent1" ? "secret" : null);
        var challenge = Challenge(server);

        var good = NewRegister();
        Assert.True(new DigestClient(new SipCredentials("agent1", "secret")).TryAuthorize(challenge, good));
        Assert.Equal(DigestVerdict.Accepted, server.Verify(good, out var user));
        Assert.Equal("agent1", user);
        Assert.Equal(DigestVerdict.Rejected, server.Verify(good, out _));

        var bad = NewRegister();
        new DigestClient(new SipCredentials("agent1", "guess")).TryAuthorize(challenge, bad);
        Assert.Equal(DigestVerdict.Rejected, server.Verify(bad, out _));
        Assert.Equal(DigestVerdict.Missing, server.Verify(NewRegister(), out _));
    }

    [Fact]
    public void Server_calls_an_old_nonce_stale()
    {
        var time = new FakeTimeProvider();
        var server = new DigestServer("outbound", time, _ => "secret");
        var request = NewRegister();
        new DigestClient(new SipCredentials("agent1", "secret")).TryAuthorize(Challenge(server), request);

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(DigestVerdict.Stale, server.Verify(request, out _));
    }

    private static SipResponse Challenge(DigestServer server)
    {
        var response = SipResponse.For(NewRegister(), 401);
        foreach (var value in server.Challenges()) response.Headers.Add("WWW-Authenticate", value);
        return response;
    }

    private static SipRequest NewRegister()
    {
        var request = new SipRequest { Method = "REGISTER", Uri = SipUri.Create(null, "127.0.0.1") };
        request.Headers.Add("Via", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKa").Add("From", "<sip:agent1@127.0.0.1>;tag=1")
            .Add("To", "<sip:agent1@127.0.0.1>").Add("Call-ID", "reg1").Add("CSeq", "1 REGISTER");
        return request;
    }
}
