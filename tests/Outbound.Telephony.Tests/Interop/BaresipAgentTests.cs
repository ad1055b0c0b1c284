using System.Net;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>baresip as an agent's softphone: registers with digest auth to our registrar, then auto-answers our call.</summary>
public sealed class BaresipAgentTests
{
    private const string Offer = "v=0\r\no=outbound 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 41000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n";

    [Fact]
    public async Task Softphone_registers_with_digest_and_auto_answers_a_nailed_up_agent_leg()
    {
        var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        await using var stack = new SipStack(transport, TimeProvider.System);
        var registrar = new SipRegistrar(new DigestServer("outbound", TimeProvider.System, u => u == "agent1" ? "agentpass" : null,
            [DigestAlgorithm.Md5]),   // baresip 1.0 stops at a SHA-256 challenge instead of taking the MD5 one
            TimeProvider.System, RegistrarOptions.Default);
        var unauthenticatedRegisters = 0;
        stack.RequestReceived = incoming =>
        {
            if (incoming.Request.Method != SipMethods.Register)
            {
                incoming.Respond(405);
                return;
            }
            if (incoming.Request.Headers[SipHeaderNames.Authorization] is null) Interlocked.Increment(ref unauthenticatedRegisters);
            registrar.Handle(incoming);
        };

        using var phone = BaresipProcess.Start("agent1", "agentpass", stack.Port);
        RegistrarBinding? binding = null;
        for (var i = 0; i < 100 && binding is null; i++)
        {
            await Task.Delay(100);
            binding = registrar.Lookup("agent1").FirstOrDefault();
        }

        Assert.True(binding is not null, "no registration; baresip said:\n" + phone.Output);
        Assert.True(unauthenticatedRegisters >= 1, "the first REGISTER should have been challenged");
        Assert.Equal(IPAddress.Loopback, binding!.Source.Address.Address);

        Assert.Null(SipAgentLegs.Dial(stack, registrar, "agent2", NameAddress.For(SipUri.Create("platform", "127.0.0.1")), Offer, TimeSpan.FromSeconds(10)));
        var call = SipAgentLegs.Dial(stack, registrar, "agent1", NameAddress.For(SipUri.Create("platform", "127.0.0.1")), Offer, TimeSpan.FromSeconds(10))!;
        var result = await call.Setup.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(result.Outcome == CallOutcome.Answered, $"{result.Outcome} ({result.StatusCode}); baresip said:\n" + phone.Output);
        Assert.Contains("RTP/AVP 0", result.AnswerSdp);
        await call.HangupAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallEnd.Local, await call.Ended);
    }
}
