using System.Collections.Concurrent;
using System.Net;
using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;

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

        public ITelephonyEventSink? Arrive(InboundCallArrival arrival)
        {
            if (arrival.CalledNumber != number) return null;
            Arrivals.Enqueue(arrival);
            _first.TrySetResult(arrival);
            return Events;
        }
    }

    private static async Task<SipTelephony> StartAsync(Hotline hotline, string trunkHost = "127.0.0.1")
    {
        var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, new SipAgentDirectory(), TimeProvider.System, hotline);
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
        using var caller = new RawSipCaller();

        var statuses = await caller.SendAsync(Platform(telephony), caller.Invite(Platform(telephony), "4008001234", "nobody-owns"), Wait);

        Assert.Equal(404, statuses[^1]);
        Assert.Empty(hotline.Arrivals);
        Assert.Equal(0, telephony.LegsUp);
    }

    [Fact]
    public async Task Invite_to_the_hotline_from_an_address_that_is_not_the_trunk_is_challenged_like_any_stranger()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline, trunkHost: "127.0.0.2");
        using var caller = new RawSipCaller("127.0.0.1");

        var statuses = await caller.SendAsync(Platform(telephony), caller.Invite(Platform(telephony), "95598", "stranger"), Wait);

        Assert.Equal(401, statuses[^1]);
        Assert.Empty(hotline.Arrivals);
    }

    [Fact]
    public async Task Malformed_invite_from_the_trunk_gets_400_and_the_next_caller_is_still_answered()
    {
        var hotline = new Hotline("95598");
        await using var telephony = await StartAsync(hotline);
        using var caller = new RawSipCaller();

        var broken = await caller.SendAsync(Platform(telephony), caller.Invite(Platform(telephony), "95598", "broken", contentLength: 4000), Wait);
        var good = await caller.SendAsync(Platform(telephony), caller.Invite(Platform(telephony), "95598", "good"), Wait);

        Assert.Equal([400], broken);
        Assert.Equal([180, 200], good.Where(s => s != 100));
        Assert.Single(hotline.Arrivals);
    }

    private static double Rms(short[] samples) => samples.Length == 0 ? 0 : Math.Sqrt(samples.Average(s => (double)s * s));
}
