using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>
/// Agents through the port: baresip registers to the adapter's registrar with an account known only by its HA1s,
/// its leg is nailed up at login, and an answered customer (sipp speaking) is bridged onto it and recorded.
/// </summary>
public sealed class SipTelephonyAgentTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-sipagent-");

    public void Dispose()
    {
        foreach (var file in _work.EnumerateFiles("*", SearchOption.AllDirectories)) file.Attributes = FileAttributes.Normal;
        _work.Delete(recursive: true);
    }

    private static async Task WaitForRegistrationAsync(SipTelephony telephony, string user, BaresipProcess phone)
    {
        for (var i = 0; i < 150 && telephony.Registrar.Lookup(user).Count == 0; i++) await Task.Delay(100);
        Assert.True(telephony.Registrar.Lookup(user).Count > 0, "the phone did not register; baresip said:\n" + phone.Output);
    }

    [Fact]
    public async Task Answered_customer_is_bridged_onto_the_nailed_up_agent_leg_and_recorded_on_two_channels()
    {
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-7", "agent7", "outbound", "Secret-7")]);
        var (_, speech) = await SpeechFiles.MakeAsync(_work.FullName, "customer", "Hello, this is the customer speaking on the left channel of the recording.", 0, 1);
        using var carrier = await SpeakingCarrier.StartAsync(_work.FullName, speech);
        await using var telephony = await SipTelephonyCarrierTests.StartAsync(SipTelephonyCarrierTests.Trunk(carrier.Port), agents);
        using var phone = BaresipProcess.Start("agent7", "Secret-7", telephony.Stack.Port);
        await WaitForRegistrationAsync(telephony, "agent7", phone);

        var agentEvents = new EventLog();
        var agentLeg = await telephony.ConnectAgentAsync(new AgentEndpoint("agent-7", "sip:agent7"), agentEvents);
        var agentAnswer = await agentEvents.NextAsync<TelephonyEvent.Answered>(Wait);
        Assert.Equal(AnsweredBy.Human, agentAnswer.By);

        var customerEvents = new EventLog();
        var customerLeg = await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(10), false), customerEvents);
        await customerEvents.NextAsync<TelephonyEvent.Answered>(Wait);
        await telephony.BridgeAsync(customerLeg, agentLeg);
        Assert.Equal(agentLeg, (await customerEvents.NextAsync<TelephonyEvent.Bridged>(Wait)).Other);
        Assert.Equal(customerLeg, (await agentEvents.NextAsync<TelephonyEvent.Bridged>(Wait)).Other);
        var path = Path.Combine(_work.FullName, "recordings", "call.wav");
        await telephony.StartRecordingAsync(customerLeg, path);

        await Task.Delay(TimeSpan.FromSeconds(3));
        await telephony.HangUpAsync(customerLeg);

        Assert.Equal(path, (await customerEvents.NextAsync<TelephonyEvent.RecordingStopped>(Wait)).Path);
        Assert.False((await customerEvents.NextAsync<TelephonyEvent.HungUp>(Wait)).ByRemote);
        Assert.Equal(0, await carrier.WaitAsync(Wait));
        Assert.DoesNotContain(agentEvents.All, e => e is TelephonyEvent.HungUp);   // the agent's leg stays up after the customer left

        var recording = WavAudio.Read(path);
        Assert.Equal((8000, 2), (recording.SampleRate, recording.Channels));
        var left = recording.Samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = recording.Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.True(Rms(left) > 300, $"left channel (customer) should carry speech, RMS {Rms(left):F0}");
        // baresip's source is a 440 Hz sine: about 880 zero crossings a second on the agent's channel.
        var voiced = right.SkipWhile(s => Math.Abs((int)s) < 500).Take(8000).ToArray();
        Assert.True(voiced.Length > 4000, $"right channel (agent) should carry the phone's tone, RMS {Rms(right):F0}");
        Assert.InRange(ZeroCrossingsPerSecond(voiced), 800, 960);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));

        await telephony.HangUpAsync(agentLeg);
        await agentEvents.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal(0, telephony.LegsUp);
    }

    [Fact]
    public async Task Phone_that_calls_in_before_login_becomes_the_agents_nailed_up_leg()
    {
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-5", "agent5", "outbound", "Secret-5")]);
        await using var telephony = await SipTelephonyCarrierTests.StartAsync(trunk: null, agents);
        using var phone = BaresipProcess.Start("agent5", "Secret-5", telephony.Stack.Port, $"/dial sip:outbound@127.0.0.1:{telephony.Stack.Port}");
        for (var i = 0; i < 150 && telephony.LegsUp == 0; i++) await Task.Delay(100);
        Assert.True(telephony.LegsUp == 1, "the phone's call was not taken; baresip said:\n" + phone.Output);

        var events = new EventLog();
        var leg = await telephony.ConnectAgentAsync(new AgentEndpoint("agent-5", "sip:agent5"), events);

        Assert.Equal((leg, AnsweredBy.Human), ((await events.NextAsync<TelephonyEvent.Answered>(Wait)) is var a ? (a.Leg, a.By) : default));
        Assert.Equal(1, telephony.LegsUp);
        await telephony.HangUpAsync(leg);
        await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal(0, telephony.LegsUp);
    }

    [Fact]
    public async Task Agent_without_a_sip_account_or_without_a_registered_phone_cannot_be_connected()
    {
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-8", "agent8", "outbound", "Secret-8")]);
        await using var telephony = await SipTelephonyCarrierTests.StartAsync(trunk: null, agents);

        var unknown = new EventLog();
        await telephony.ConnectAgentAsync(new AgentEndpoint("nobody", "sip:nobody"), unknown);
        var unregistered = new EventLog();
        await telephony.ConnectAgentAsync(new AgentEndpoint("agent-8", "sip:agent8"), unregistered);

        Assert.Equal(FailureReason.Rejected, (await unknown.NextAsync<TelephonyEvent.Failed>(Wait)).Reason);
        Assert.Equal(FailureReason.Invalid, (await unregistered.NextAsync<TelephonyEvent.Failed>(Wait)).Reason);
    }

    [Fact]
    public async Task Phone_with_a_wrong_password_is_not_registered()
    {
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-9", "agent9", "outbound", "Secret-9")]);
        await using var telephony = await SipTelephonyCarrierTests.StartAsync(trunk: null, agents);
        using var phone = BaresipProcess.Start("agent9", "not-the-password", telephony.Stack.Port);

        for (var i = 0; i < 100 && !phone.Output.Contains("SIP/2.0 403", StringComparison.Ordinal); i++) await Task.Delay(100);

        Assert.Contains("SIP/2.0 403", phone.Output);
        Assert.Empty(telephony.Registrar.Lookup("agent9"));
    }

    private static double Rms(short[] samples) => samples.Length == 0 ? 0 : Math.Sqrt(samples.Average(s => (double)s * s));

    private static double ZeroCrossingsPerSecond(short[] samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
            if ((samples[i - 1] < 0) != (samples[i] < 0)) crossings++;
        return crossings * 8000.0 / samples.Length;
    }
}
