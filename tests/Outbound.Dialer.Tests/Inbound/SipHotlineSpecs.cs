using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Ivr;
using Outbound.Data.Desk;
using Outbound.Data.Dialing;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Hosting;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony;
using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>
/// A hotline on the Sip adapter: sipp plays the carrier delivering a customer's call to 95598 (the hotline's number,
/// stored as +8695598), baresip the agent's phone nailed up at the bot agent's login to the hotline's queue.
/// </summary>
public sealed class SipHotlineSpecs : TestKit, IAsyncLifetime
{
    private const string Code = "sip-hotline";
    private readonly PgTestDatabase _db = new();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-sip-hotline-");
    private readonly List<IDisposable> _processes = [];
    private SipTelephony? _telephony;

    public Task InitializeAsync() => _db.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_telephony is not null) await _telephony.DisposeAsync();
        _processes.ForEach(p => p.Dispose());
        await _db.DisposeAsync();
        foreach (var file in _work.EnumerateFiles("*", SearchOption.AllDirectories)) file.Attributes = FileAttributes.Normal;
        _work.Delete(recursive: true);
    }

    /// <summary>Passes arrivals on to the host's handler and keeps the legs it was given, so the test can record them.</summary>
    private sealed class Witness(IInboundCallHandler inner) : IInboundCallHandler
    {
        public ConcurrentQueue<InboundCallArrival> Taken { get; } = new();

        public bool Takes(string calledNumber) => inner.Takes(calledNumber);

        public ITelephonyEventSink? Arrive(InboundCallArrival arrival)
        {
            var sink = inner.Arrive(arrival);
            if (sink is not null) Taken.Enqueue(arrival);
            return sink;
        }
    }

    private sealed record Hotline(CampaignId Campaign, SipTelephony Telephony, Witness Witness, BaresipProcess Phone, string PhoneHeard);

    /// <summary>
    /// The running hotline (with <paramref name="ivr"/> when given), the adapter with its trunk on loopback, the agent's
    /// phone registered, and the bot agent logged in to the queue with its phone leg nailed up.
    /// </summary>
    private async Task<Hotline> StartAsync(IvrTree? ivr = null)
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable with { CallerId = "+8695598" }, status: "running", code: Code);
        await DialingSeed.ScalarAsync<int>(_db.DataSource, $"UPDATE campaigns SET kind = 'Inbound' WHERE id = '{campaign.Value}' RETURNING 1");
        var queueSettings = new InboundQueueSettings(_db.DataSource);
        await queueSettings.SaveAsync(tenant, campaign, new QueuePolicy { AnnounceEvery = TimeSpan.Zero, WrapUp = TimeSpan.FromMilliseconds(200) },
            null, new Dictionary<string, IReadOnlyDictionary<string, int>>(), "test", DateTimeOffset.UtcNow);
        var trees = new IvrTrees(_db.DataSource);
        if (ivr is not null) await trees.SaveAsync(tenant, campaign, ivr, "test", DateTimeOffset.UtcNow);

        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("hotline-bot1", "bot1", "outbound", "Bot-Secret-1")]);
        IActorRef directory = ActorRefs.Nobody;
        var hotlines = new SipHotlines(new HotlineNumbers(_db.DataSource), () => directory, NullLogger<SipHotlines>.Instance);
        await hotlines.ReloadAsync();
        var witness = new Witness(hotlines);
        var telephony = _telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, agents, TimeProvider.System, witness);
        await telephony.StartAsync(new SipTrunkSettings { Host = "127.0.0.1", Port = SippProcess.FreeUdpPort(), CallerId = "02150001234", OptionsInterval = TimeSpan.Zero });
        var heard = Directory.CreateDirectory(Path.Combine(_work.FullName, "phone")).FullName;
        var phone = BaresipProcess.Start("bot1", "Bot-Secret-1", telephony.Stack.Port, toneHz: 440, dumpFolder: heard);
        _processes.Add(phone);
        await DialerFixture.Eventually(() => Task.FromResult(telephony.Registrar.Lookup("bot1").Count > 0), TimeSpan.FromSeconds(15),
            "the softphone registers; baresip said:\n" + phone.Output);

        var services = DialerFixture.ServicesOn(_db, telephony, DialerFixture.FastOptions);
        var acd = new AcdServices(services, new InboundCallLog(_db.DataSource), trees) { QueueSettings = queueSettings, IvrInputTimeout = TimeSpan.FromSeconds(5) };
        directory = Sys.ActorOf(AcdDirectoryActor.Props(acd));
        Sys.ActorOf(BotAgentActor.Props("hotline-bot1", campaign, ActorRefs.Nobody, services, DialerFixture.FastBots with { Dispositions = ["resolved"] }, directory));
        await DialerFixture.Eventually(() => Task.FromResult(telephony.LegsUp == 1), TimeSpan.FromSeconds(15), "the agent's phone leg is nailed up");
        return new Hotline(campaign, telephony, witness, phone, heard);
    }

    private SippProcess Call(Hotline hotline, string scenario, int pauseMs)
    {
        var carrier = SippProcess.UacScenario(scenario, $"127.0.0.1:{hotline.Telephony.Stack.Port}", "95598", extra: ["-d", pauseMs.ToString()]);
        _processes.Add(carrier);
        return carrier;
    }

    private Task<long> CountAnsweredAsync(Hotline hotline, string where) => DialingSeed.ScalarAsync<long>(_db.DataSource, $"""
        SELECT count(*) FROM inbound_calls
        WHERE campaign_id = '{hotline.Campaign.Value}' AND caller_number = '+8613800138000' AND outcome = 'answered'
          AND agent = 'hotline-bot1' AND connected_at IS NOT NULL AND disposition = 'resolved' AND {where}
        """);

    [Fact]
    public async Task Caller_to_the_hotline_number_is_queued_bridged_to_the_agents_phone_and_logged_as_answered_when_it_hangs_up()
    {
        var hotline = await StartAsync();

        var carrier = Call(hotline, "uac-hotline-caller.xml", pauseMs: 4000);
        await DialerFixture.Eventually(() => Task.FromResult(!hotline.Witness.Taken.IsEmpty), TimeSpan.FromSeconds(10), "the hotline takes the call");
        var caller = Assert.Single(hotline.Witness.Taken);
        var recording = Path.Combine(_work.FullName, "caller.wav");
        await hotline.Telephony.StartRecordingAsync(caller.Leg, recording);

        await DialerFixture.Eventually(async () => await CountAnsweredAsync(hotline, "true") == 1, TimeSpan.FromSeconds(30),
            "the call is logged as answered by the agent");
        Assert.True(await carrier.WaitAsync(TimeSpan.FromSeconds(20)) == 0, "sipp (the caller) failed:\n" + await carrier.OutputAsync());
        Assert.Equal(1, hotline.Telephony.LegsUp);   // the caller's leg is gone, the agent's stays nailed up

        // Both ways: the caller's speech on the left channel, the agent phone's 440 Hz tone (sent on to the caller) on the right.
        var audio = WavAudio.Read(recording);
        var (left, right) = (audio.Samples.Where((_, i) => i % 2 == 0).ToArray(), audio.Samples.Where((_, i) => i % 2 == 1).ToArray());
        Assert.True(ToneMeter.Rms(left) > 300, $"the caller's audio, RMS {ToneMeter.Rms(left):F0}");
        Assert.True(ToneMeter.Rms(right) > 300, $"the agent's audio, RMS {ToneMeter.Rms(right):F0}");
        // And the agent's phone heard the caller.
        await hotline.Telephony.DisposeAsync();
        _telephony = null;
        await Task.Delay(TimeSpan.FromSeconds(1));   // baresip closes its dump files on BYE
        var dump = Directory.GetFiles(hotline.PhoneHeard, "*dec*.wav").OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault();
        Assert.True(dump is not null, "baresip wrote no received-audio dump:\n" + hotline.Phone.Output);
        Assert.True(ToneMeter.Rms(WavAudio.Read(dump).ToMono(8000).Samples) > 100, "the agent's phone heard the caller");
    }

    [Fact]
    public async Task Caller_who_presses_the_queue_key_in_the_hotlines_ivr_reaches_the_agent_with_the_menus_priority()
    {
        var hotline = await StartAsync(new IvrTree("main",
        [
            new IvrMenu("main", "welcome", new Dictionary<char, IvrAction>
            {
                ['2'] = new IvrAction.Queue(Code, Priority: 2),
                ['9'] = new IvrAction.HangUp("bye"),
            }, IvrAction.RepeatMenu, IvrAction.RepeatMenu, MaxRetries: 2),
        ]));

        var carrier = Call(hotline, "uac-hotline-ivr-key-2.xml", pauseMs: 3000);

        await DialerFixture.Eventually(async () => await CountAnsweredAsync(hotline, "priority = 2") == 1, TimeSpan.FromSeconds(30),
            "the key pressed over RTP (RFC 4733) took the caller from the IVR to the agent");
        Assert.True(await carrier.WaitAsync(TimeSpan.FromSeconds(20)) == 0, "sipp (the caller) failed:\n" + await carrier.OutputAsync());
    }

}
