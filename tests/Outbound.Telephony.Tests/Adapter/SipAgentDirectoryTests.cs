using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.SipAdapter;

namespace Outbound.Telephony.Tests.Adapter;

public sealed class SipAgentDirectoryTests
{
    [Fact]
    public void Account_keeps_the_rfc2617_ha1_not_the_password()
    {
        var account = SipAgentAccount.FromPassword("a1", "Mufasa", "testrealm@host.com", "Circle Of Life");

        Assert.Equal("939e7578ed9e3c518a452acee763bce9", account.Ha1Md5);
        Assert.Equal(64, account.Ha1Sha256.Length);
        Assert.DoesNotContain("Circle", account.ToString());
    }

    [Fact]
    public void Registrar_digest_verifies_sha256_and_md5_from_stored_ha1s_and_refuses_another_realm()
    {
        var directory = new SipAgentDirectory([SipAgentAccount.FromPassword("a1", "agent1", "outbound", "secret")]);
        var time = new FakeTimeProvider();
        foreach (var algorithm in new[] { DigestAlgorithm.Sha256, DigestAlgorithm.Md5 })
        {
            var server = new DigestServer("outbound", time, (user, a) => directory.Ha1(user, "outbound", a), [algorithm]);
            var request = Register();
            Assert.True(new DigestClient(new SipCredentials("agent1", "secret")).TryAuthorize(Challenge(server), request));
            Assert.Equal(DigestVerdict.Accepted, server.Verify(request, out _));
        }

        var elsewhere = new DigestServer("other-realm", time, (user, a) => directory.Ha1(user, "other-realm", a));
        var refused = Register();
        new DigestClient(new SipCredentials("agent1", "secret")).TryAuthorize(Challenge(elsewhere), refused);
        Assert.Equal(DigestVerdict.Rejected, elsewhere.Verify(refused, out _));
    }

    [Fact]
    public void Replacing_the_accounts_drops_the_removed_ones()
    {
        var directory = new SipAgentDirectory([SipAgentAccount.FromPassword("a1", "agent1", "outbound", "x")]);

        directory.Replace([SipAgentAccount.FromPassword("a2", "agent2", "outbound", "y")]);

        Assert.Null(directory.ForAgent("a1"));
        Assert.Null(directory.Ha1("agent1", "outbound", DigestAlgorithm.Md5));
        Assert.Equal("agent2", directory.ForAgent("a2")?.Username);
    }

    [Fact]
    public void Trunk_credentials_with_a_realm_answer_only_that_realms_challenge()
    {
        var request = Register();
        var challenge = SipResponse.For(request, 407);
        challenge.Headers.Add("Proxy-Authenticate", "Digest realm=\"someone-else\", nonce=\"abc\", algorithm=MD5");
        var trunk = new SipTrunkSettings { Host = "carrier.example", CallerId = "02150001234", Username = "u", Password = "p", Realm = "carrier" };

        Assert.False(new DigestClient(trunk.Credentials!).TryAuthorize(challenge, request));
        Assert.True(new DigestClient((trunk with { Realm = null }).Credentials!).TryAuthorize(challenge, request));
        Assert.Null((trunk with { Username = null }).Credentials);
    }

    private static SipResponse Challenge(DigestServer server)
    {
        var response = SipResponse.For(Register(), 401);
        foreach (var value in server.Challenges()) response.Headers.Add("WWW-Authenticate", value);
        return response;
    }

    private static SipRequest Register()
    {
        var request = new SipRequest { Method = "REGISTER", Uri = SipUri.Create(null, "127.0.0.1") };
        request.Headers.Add("Via", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKa").Add("From", "<sip:agent1@127.0.0.1>;tag=1")
            .Add("To", "<sip:agent1@127.0.0.1>").Add("Call-ID", "reg1").Add("CSeq", "1 REGISTER");
        return request;
    }
}
