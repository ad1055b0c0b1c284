using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Tests.Interop;
using Outbound.Telephony.Tests.Sip;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>
/// Customers calling in through the trunk: sipp plays the carrier delivering a call to the hotline number 95598; the
/// adapter answers it on a leg of its own and hands it to the host's handler. Strangers and broken messages are refused.
/// </summary>
public sealed class SipTelephonyInboundTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-sipinbound-");

    public void Dispose()
    {
        foreach (var file in _work.EnumerateFiles("*", SearchOption.AllDirectories)) file.Attributes = FileAttributes.Normal;
        _work.Delete(recursive: true);
    }

    /// <summary>The host's side: owns one number, and keeps each caller's events in its own log.</summary>
    private sealed class Hotline(string number) : IInboundCallHandler
    {
        public ConcurrentQueue<InboundCallArrival> Arrivals { get; } = new();
        public EventLog Events { get; } = new();
        private readonly TaskCompletionSource<InboundCallArrival> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<InboundCallArrival> FirstArrival => _first.Task;

        public bool Takes(string calledNumber) => calledNumber == number;

        public ITelephonyEventSink? Arrive(InboundCallArrival arrival)
        {
            if (arrival.CalledNumber != number) return null;
            Arrivals.Enqueue(arrival);
            _first.TrySetResult(arrival);
            return Events;
        }
    }

    private static async Task<SipTelephony> StartAsync(Hotline hotline, string trunkHost = "127.0.0.1", SipTelephonyOptions? options = null, SipAgentDirectory? agents = null)
    {
        var telephony = new SipTelephony(options ?? new SipTelephonyOptions { SipPort = 0 }, agents ?? new SipAgentDirectory(), TimeProvider.System, hotline);
        await telephony.StartAsync(SipTelephonyCarrierTests.Trunk(SippProcess.FreeUdpPort()) with { Host = trunkHost });
        return telephony;
    }

    private static IPEndPoint Platform(SipTelephony telephony) => new(IPAddress.Loopback, telephony.Stack.Port);

    [Fact]
    public async Task Caller_to_a_hotline_number_is_answered_heard_and_released_by_its_bye()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline);
        using var carrier = SippProcess.UacScenario("uac-hotline-caller.xml", $"127.0.0.1:{telephony.Stack.Port}", "95598", extra: ["-d", "3000"]);

        var arrival = await hotline.FirstArrival.WaitAsync(Wait);
        Assert.Equal(("+8613800138000", "95598"), (arrival.CallerNumber, arrival.CalledNumber));
        var path = Path.Combine(_work.FullName, "caller.wav");
        await telephony.StartRecordingAsync(arrival.Leg, path);

        var hungUp = await hotline.Events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal((arrival.Leg, true), (hungUp.Leg, hungUp.ByRemote));
        Assert.Contains(hotline.Events.All, e => e is TelephonyEvent.RecordingStopped r && r.Path == path);
        Assert.True(await carrier.WaitAsync(Wait) == 0, "sipp (expects 180, then 200) failed:\n" + await carrier.OutputAsync());
        Assert.Equal(0, telephony.LegsUp);
        // The caller's speech (sip-tester's A-law capture) reached the leg: the left channel is not silence.
        var left = WavAudio.Read(path).Samples.Where((_, i) => i % 2 == 0).ToArray();
        Assert.True(Rms(left) > 300, $"the caller's audio should be recorded, RMS {Rms(left):F0}");
    }

    [Fact]
    public async Task Keys_the_caller_presses_arrive_as_rfc4733_dtmf_on_the_hotline_leg()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline);
        var scenario = Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uac_dtmf_2833.xml");
        using var carrier = SippProcess.UacScenario(scenario, $"127.0.0.1:{telephony.Stack.Port}", "95598");

        await hotline.Events.NextAsync<TelephonyEvent.HungUp>(TimeSpan.FromSeconds(20));
        Assert.True(await carrier.WaitAsync(Wait) == 0, "sipp failed:\n" + await carrier.OutputAsync());
        Assert.Equal("259*#", new string(hotline.Events.All.OfType<TelephonyEvent.DtmfReceived>().Select(d => d.Digit).ToArray()));
    }

    [Fact]
    public async Task Key_the_carrier_relays_as_sip_info_arrives_as_dtmf_on_the_hotline_leg()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline);
        var scenario = Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uac_hotline_info_7.xml");
        using var carrier = SippProcess.UacScenario(scenario, $"127.0.0.1:{telephony.Stack.Port}", "95598");

        await hotline.Events.NextAsync<TelephonyEvent.HungUp>(TimeSpan.FromSeconds(20));
        Assert.True(await carrier.WaitAsync(Wait) == 0, "sipp failed:\n" + await carrier.OutputAsync());
        Assert.Equal('7', Assert.Single(hotline.Events.All.OfType<TelephonyEvent.DtmfReceived>()).Digit);
    }

    [Fact]
    public async Task Call_from_the_trunk_to_a_number_no_hotline_owns_is_refused_with_404()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline);
        await using var caller = SipTestPeer.Udp(Platform(telephony));

        await caller.Send(caller.Invite("4008001234")).ExpectResponse(404);

        Assert.Empty(hotline.Arrivals);
        Assert.Equal(0, telephony.LegsUp);
    }

    [Fact]
    public async Task Call_from_the_trunk_to_a_number_no_hotline_owns_gets_its_404_without_an_rtp_port_even_when_none_is_free()
    {
        // The adapter's RTP range holds one even port, and the test holds it: opening media for this call would fail.
        using var held = HoldEvenPort();
        var port = ((IPEndPoint)held.Client.LocalEndPoint!).Port;
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline, options: new SipTelephonyOptions { SipPort = 0, RtpPortFirst = port, RtpPortLast = port + 1 });
        using var carrier = SippProcess.UacScenario("uac-carrier-unknown-number.xml", $"127.0.0.1:{telephony.Stack.Port}", "4008001234");

        Assert.True(await carrier.WaitAsync(Wait) == 0, "sipp (expects 404, no ringing) failed:\n" + await carrier.OutputAsync());
        Assert.Empty(hotline.Arrivals);

        // The range is the adapter's: once the port is free, the hotline's caller is answered on it.
        held.Dispose();
        await using var caller = SipTestPeer.Udp(Platform(telephony));
        await caller.Send(caller.Invite("95598")).ExpectResponse(100).ExpectResponse(180).ExpectResponse(200);
    }

    [Fact]
    public async Task Agent_phone_behind_the_trunks_border_controller_is_challenged_and_its_call_becomes_the_agents_leg()
    {
        var hotline = new Hotline("95598");
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-7", "agent7", "outbound", "Secret-7")]);
        await using var telephony = await StartAsync(hotline, agents: agents);
        // From the trunk's own address (127.0.0.1), to a number no hotline owns.
        using var phone = SippProcess.UacScenario("uac-agent-phone-via-sbc.xml", $"127.0.0.1:{telephony.Stack.Port}", "8000",
            extra: ["-key", "agent_user", "agent7", "-au", "agent7", "-ap", "Secret-7", "-d", "4000"]);
        await WaitUntilAsync(() => telephony.Stack.DialogCount == 1, "the phone's call is answered");

        // The agent logs in: the call the phone made is the leg (the phone never registered, so nothing else could be).
        var events = new EventLog();
        var leg = await telephony.ConnectAgentAsync(new AgentEndpoint("agent-7", "sip:agent7"), events);
        Assert.Equal(leg, (await events.NextAsync<TelephonyEvent.Answered>(Wait)).Leg);
        Assert.True(await phone.WaitAsync(Wait) == 0, "sipp (expects 401, then 200 to its credentials) failed:\n" + await phone.OutputAsync());
        Assert.True((await events.NextAsync<TelephonyEvent.HungUp>(Wait)).ByRemote);
        Assert.Empty(hotline.Arrivals);
    }

    [Fact]
    public async Task Agent_phone_behind_the_trunks_border_controller_with_a_wrong_password_is_forbidden()
    {
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("agent-7", "agent7", "outbound", "Secret-7")]);
        await using var telephony = await StartAsync(new Hotline("95598"), agents: agents);
        using var phone = SippProcess.UacScenario("uac-agent-phone-via-sbc.xml", $"127.0.0.1:{telephony.Stack.Port}", "8000",
            extra: ["-key", "agent_user", "agent7", "-au", "agent7", "-ap", "wrong"]);

        Assert.NotEqual(0, await phone.WaitAsync(Wait));
        Assert.Contains("403", await phone.OutputAsync());
        Assert.Equal(0, telephony.LegsUp);
    }

    private static UdpClient HoldEvenPort()
    {
        while (true)
        {
            var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            if (((IPEndPoint)udp.Client.LocalEndPoint!).Port % 2 == 0) return udp;
            udp.Dispose();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 150 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "timed out waiting: " + what);
    }

    [Fact]
    public async Task Invite_to_the_hotline_from_an_address_that_is_not_the_trunk_is_challenged_like_any_stranger()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline, trunkHost: "127.0.0.2");
        await using var caller = SipTestPeer.Udp(Platform(telephony));

        await caller.Send(caller.Invite("95598")).ExpectResponse(401);

        Assert.Empty(hotline.Arrivals);
    }

    [Fact]
    public async Task Malformed_invite_from_the_trunk_gets_400_and_the_next_caller_is_still_answered()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline);
        await using var caller = SipTestPeer.Udp(Platform(telephony));

        await caller.SendRaw(LyingContentLength(caller.Invite("95598"))).ExpectResponse(400);
        await caller.Send(caller.Invite("95598")).ExpectResponse(100).ExpectResponse(180).ExpectResponse(200);

        Assert.Single(hotline.Arrivals);
    }

    /// <summary>The INVITE as text with a Content-Length far beyond its body.</summary>
    private static string LyingContentLength(SipRequest invite)
    {
        var text = invite.ToString();
        return text.Replace($"Content-Length: {invite.Body.Length}\r\n", "Content-Length: 4000\r\n");
    }

    private static double Rms(short[] samples) => samples.Length == 0 ? 0 : Math.Sqrt(samples.Average(s => (double)s * s));
}
