using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>
/// A mix through the port with real peers: sipp as the customer sending a 1 kHz tone, baresip as the agent's phone
/// (440 Hz) and as the supervisor's (2 kHz) dumping what they receive. The listening supervisor hears both sides; the
/// agent hears the customer but not the supervisor. A held leg hears the music on hold instead of the other side.
/// </summary>
public sealed class SipTelephonyMixTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-sipmix-");

    public void Dispose() => _work.Delete(recursive: true);

    private static async Task WaitForRegistrationAsync(SipTelephony telephony, string user, BaresipProcess phone)
    {
        for (var i = 0; i < 150 && telephony.Registrar.Lookup(user).Count == 0; i++) await Task.Delay(100);
        Assert.True(telephony.Registrar.Lookup(user).Count > 0, "the phone did not register; baresip said:\n" + phone.Output);
    }

    private async Task<(CallLegId Leg, EventLog Events)> PhoneLegAsync(SipTelephony telephony, string agentId, string user)
    {
        var events = new EventLog();
        var leg = await telephony.ConnectAgentAsync(new AgentEndpoint(agentId, "sip:" + user), events);
        await events.NextAsync<TelephonyEvent.Answered>(Wait);
        return (leg, events);
    }

    /// <summary>A customer (sipp, 1 kHz) answered, and the agent's (440 Hz) and the supervisor's (2 kHz) phones nailed up, none joined yet.</summary>
    private async Task<ThreeParties> ThreePartiesAsync()
    {
        var tone = Path.Combine(_work.FullName, "customer.ulaw");
        var (soxExit, soxOutput) = await ExternalTool.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-t", "ul", tone, "synth", "12", "sine", "1000", "vol", "0.4"], _work.FullName, TimeSpan.FromSeconds(30));
        Assert.True(soxExit == 0, soxOutput);
        var agents = new SipAgentDirectory([
            SipAgentAccount.FromPassword("agent-7", "agent7", "outbound", "Secret-7"),
            SipAgentAccount.FromPassword("sup-1", "sup1", "outbound", "Secret-S")]);
        var carrier = await SpeakingCarrier.StartAsync(_work.FullName, tone);
        var telephony = await SipTelephonyCarrierTests.StartAsync(SipTelephonyCarrierTests.Trunk(carrier.Port), agents);
        var (agentDump, supervisorDump) = (_work.CreateSubdirectory("agent").FullName, _work.CreateSubdirectory("supervisor").FullName);
        var agentPhone = BaresipProcess.Start("agent7", "Secret-7", telephony.Stack.Port, toneHz: 440, agentDump);
        var supervisorPhone = BaresipProcess.Start("sup1", "Secret-S", telephony.Stack.Port, toneHz: 2000, supervisorDump);
        var call = new ThreeParties(carrier, telephony, agentPhone, supervisorPhone, agentDump, supervisorDump);
        try
        {
            await WaitForRegistrationAsync(telephony, "agent7", agentPhone);
            await WaitForRegistrationAsync(telephony, "sup1", supervisorPhone);
            (call.Agent, _) = await PhoneLegAsync(telephony, "agent-7", "agent7");
            (call.Supervisor, _) = await PhoneLegAsync(telephony, "sup-1", "sup1");
            call.Customer = await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(10), false), call.CustomerEvents);
            await call.CustomerEvents.NextAsync<TelephonyEvent.Answered>(Wait);
            return call;
        }
        catch
        {
            await call.DisposeAsync();
            throw;
        }
    }

    private sealed class ThreeParties(SippProcess carrier, SipTelephony telephony, BaresipProcess agentPhone, BaresipProcess supervisorPhone,
        string agentDump, string supervisorDump) : IAsyncDisposable
    {
        public SipTelephony Telephony => telephony;
        public BaresipProcess AgentPhone => agentPhone;
        public BaresipProcess SupervisorPhone => supervisorPhone;
        public string AgentDump => agentDump;
        public string SupervisorDump => supervisorDump;
        public EventLog CustomerEvents { get; } = new();
        public CallLegId Customer { get; set; } = null!;
        public CallLegId Agent { get; set; } = null!;
        public CallLegId Supervisor { get; set; } = null!;

        public async ValueTask DisposeAsync()
        {
            agentPhone.Dispose();
            supervisorPhone.Dispose();
            await telephony.DisposeAsync();
            carrier.Dispose();
        }
    }

    [Fact]
    public async Task A_listening_supervisor_hears_customer_and_agent_and_the_agent_does_not_hear_the_supervisor()
    {
        await using var call = await ThreePartiesAsync();
        var (telephony, customer, agent, supervisor) = (call.Telephony, call.Customer, call.Agent, call.Supervisor);
        var (agentDump, supervisorDump, agentPhone, supervisorPhone) = (call.AgentDump, call.SupervisorDump, call.AgentPhone, call.SupervisorPhone);

        await telephony.MixAsync("call-1", [new(customer), new(agent), new(supervisor, MixMode.Listen)]);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await telephony.MixAsync("call-1", []);
        foreach (var leg in new[] { customer, agent, supervisor }) await telephony.HangUpAsync(leg);
        await Task.Delay(TimeSpan.FromSeconds(1));   // baresip closes its dump files on BYE

        var heardBySupervisor = Received(supervisorDump, supervisorPhone);
        var heardByAgent = Received(agentDump, agentPhone);
        var (sup1000, sup440, sup2000) = (ToneMeter.Power(heardBySupervisor, 1000), ToneMeter.Power(heardBySupervisor, 440), ToneMeter.Power(heardBySupervisor, 2000));
        Assert.True(sup1000 > 50 * sup2000 && sup440 > 50 * sup2000,
            $"the supervisor should hear the customer (1 kHz: {sup1000:E1}) and the agent (440 Hz: {sup440:E1}), not itself (2 kHz: {sup2000:E1})");
        var (agent1000, agent2000) = (ToneMeter.Power(heardByAgent, 1000), ToneMeter.Power(heardByAgent, 2000));
        Assert.True(agent1000 > 50 * agent2000, $"the agent should hear the customer (1 kHz: {agent1000:E1}) but not the listening supervisor (2 kHz: {agent2000:E1})");
    }

    [Fact]
    public async Task A_held_leg_hears_the_music_on_hold_and_nothing_more_of_the_other_side()
    {
        var tone = Path.Combine(_work.FullName, "customer.ulaw");
        var (soxExit, soxOutput) = await ExternalTool.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-t", "ul", tone, "synth", "12", "sine", "1000", "vol", "0.4"], _work.FullName, TimeSpan.FromSeconds(30));
        Assert.True(soxExit == 0, soxOutput);
        var prompts = _work.CreateSubdirectory("prompts");
        (soxExit, soxOutput) = await ExternalTool.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-b", "16", Path.Combine(prompts.FullName, "moh.wav"), "synth", "1", "sine", "600", "vol", "0.4"], _work.FullName, TimeSpan.FromSeconds(30));
        Assert.True(soxExit == 0, soxOutput);
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-7", "agent7", "outbound", "Secret-7")]);
        using var carrier = await SpeakingCarrier.StartAsync(_work.FullName, tone);
        await using var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0, PromptFolder = prompts.FullName }, agents, TimeProvider.System);
        await telephony.StartAsync(SipTelephonyCarrierTests.Trunk(carrier.Port));
        var agentDump = _work.CreateSubdirectory("agent").FullName;
        using var agentPhone = BaresipProcess.Start("agent7", "Secret-7", telephony.Stack.Port, toneHz: 440, agentDump);
        await WaitForRegistrationAsync(telephony, "agent7", agentPhone);
        var (agent, _) = await PhoneLegAsync(telephony, "agent-7", "agent7");
        var customerEvents = new EventLog();
        var customer = await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(10), false), customerEvents);
        await customerEvents.NextAsync<TelephonyEvent.Answered>(Wait);

        await telephony.BridgeAsync(customer, agent);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await telephony.HoldAsync(agent, "moh");   // the 1 s prompt loops
        await Task.Delay(TimeSpan.FromSeconds(3));
        await telephony.RetrieveAsync(agent);
        foreach (var leg in new[] { customer, agent }) await telephony.HangUpAsync(leg);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var heard = Received(agentDump, agentPhone, seconds: 8);
        var (bridged, held) = (heard[..8000], heard[^12000..^4000]);
        Assert.True(ToneMeter.Power(bridged, 1000) > 50 * ToneMeter.Power(bridged, 600), $"bridged, the agent hears the customer: 1 kHz {ToneMeter.Power(bridged, 1000):E1}, 600 Hz {ToneMeter.Power(bridged, 600):E1}");
        Assert.True(ToneMeter.Power(held, 600) > 50 * ToneMeter.Power(held, 1000), $"held, only the music: 600 Hz {ToneMeter.Power(held, 600):E1}, 1 kHz {ToneMeter.Power(held, 1000):E1}");
    }

    [Fact]
    public async Task A_recorded_customer_keeps_what_it_hears_on_the_right_channel_while_a_supervisor_barges_in_and_after()
    {
        await using var call = await ThreePartiesAsync();
        var (telephony, customer, agent, supervisor, customerEvents) = (call.Telephony, call.Customer, call.Agent, call.Supervisor, call.CustomerEvents);

        await telephony.BridgeAsync(customer, agent);
        await telephony.StartRecordingAsync(customer, Path.Combine(_work.FullName, "call.wav"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await telephony.MixAsync("call-1", [new(customer), new(agent), new(supervisor)]);   // 强插
        await Task.Delay(TimeSpan.FromSeconds(3));
        await telephony.MixAsync("call-1", []);
        await telephony.BridgeAsync(customer, agent);
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var leg in new[] { customer, agent, supervisor }) await telephony.HangUpAsync(leg);
        var stopped = await customerEvents.NextAsync<TelephonyEvent.RecordingStopped>(Wait);

        var audio = WavAudio.Read(stopped.Path);
        var right = audio.Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(right.Length, 6 * 8000, 9 * 8000);   // about 7 s, no jump in the timeline
        var (before, barged, after) = (right[4000..12000], right[22000..34000], right[^12000..^4000]);
        Assert.True(ToneMeter.Power(barged, 440) > 50 * ToneMeter.Power(barged, 1000) && ToneMeter.Power(barged, 2000) > 50 * ToneMeter.Power(barged, 1000),
            $"barged in, the customer hears the agent (440 Hz {ToneMeter.Power(barged, 440):E1}) and the supervisor (2 kHz {ToneMeter.Power(barged, 2000):E1}), not itself (1 kHz {ToneMeter.Power(barged, 1000):E1})");
        foreach (var (name, bridged) in new[] { ("before", before), ("after", after) })
            Assert.True(ToneMeter.Power(bridged, 440) > 50 * ToneMeter.Power(bridged, 2000), $"{name} the barge-in, the agent alone: 440 Hz {ToneMeter.Power(bridged, 440):E1}, 2 kHz {ToneMeter.Power(bridged, 2000):E1}");
    }

    /// <summary>The audio a phone received (baresip's decoded dump), as 8 kHz mono, without the silence before and after.</summary>
    private static short[] Received(string folder, BaresipProcess phone, int seconds = 2)
    {
        var dump = Directory.GetFiles(folder, "*dec*.wav").OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault();
        Assert.True(dump is not null, $"no received-audio dump in {folder}: {string.Join(", ", Directory.GetFiles(folder))}\n{phone.Output}");
        var samples = WavAudio.Read(dump).ToMono(8000).Samples;
        var last = Array.FindLastIndex(samples, s => Math.Abs((int)s) >= 300);
        return samples.Take(last + 1).SkipWhile(s => Math.Abs((int)s) < 300).Take(seconds * 8000).ToArray();
    }
}
