using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Data.Dialing;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Campaigns;

/// <summary>
/// A campaign dialling through the Sip adapter: sipp plays the carrier (answers, talks two seconds, hangs up) and
/// baresip the agent's softphone, registered with digest and nailed up at the bot agent's login.
/// </summary>
public sealed class SipCampaignSpecs() : TestKit(CampaignSharding.Hocon), IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly DirectoryInfo _recordings = Directory.CreateTempSubdirectory("outbound-sip-recordings-");

    public Task InitializeAsync() => _db.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _db.DisposeAsync();
        foreach (var file in _recordings.EnumerateFiles("*", SearchOption.AllDirectories)) file.Attributes = FileAttributes.Normal;
        _recordings.Delete(recursive: true);
    }

    private Task<long> Count(string sql) => DialingSeed.ScalarAsync<long>(_db.DataSource, sql);

    [Fact]
    public async Task Answered_calls_are_bridged_to_the_agents_softphone_recorded_and_closed_when_the_customer_hangs_up()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable with { RecordCalls = true, AmdEnabled = false });
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 3);
        using var carrier = SippProcess.Uas("uas-answer-hangup.xml", calls: 3, extra: ["-d", "2000"]);
        var agents = new SipAgentDirectory([SipAgentAccount.FromPassword("bot1", "bot1", "outbound", "Bot-Secret-1")]);
        await using var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, agents, TimeProvider.System);
        await telephony.StartAsync(new SipTrunkSettings { Host = "127.0.0.1", Port = carrier.Port, CallerId = "02150001234", OptionsInterval = TimeSpan.Zero });
        using var phone = BaresipProcess.Start("bot1", "Bot-Secret-1", telephony.Stack.Port);
        await DialerFixture.Eventually(() => Task.FromResult(telephony.Registrar.Lookup("bot1").Count > 0), TimeSpan.FromSeconds(15),
            "the softphone registers");

        var services = DialerFixture.ServicesOn(_db, telephony, DialerFixture.FastOptions with { RecordingFolder = _recordings.FullName });
        var region = CampaignSharding.Start(Sys, services);
        Sys.ActorOf(BotAgentActor.Props("bot1", campaign, region, services, DialerFixture.FastBots));
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));

        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM call_records") == 3, TimeSpan.FromSeconds(60),
            "a record per call; baresip said:\n" + phone.Output);
        Assert.Equal(3L, await Count("""
            SELECT count(*) FROM call_records
            WHERE outcome = 'Answered' AND agent = 'bot1' AND connected_at IS NOT NULL AND recording_path IS NOT NULL AND NOT abandoned
            """));
        Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(30)));
        var recordings = _recordings.GetFiles("*.wav", SearchOption.AllDirectories);
        Assert.Equal(3, recordings.Length);
        foreach (var file in recordings)
        {
            var audio = WavAudio.Read(file.FullName);
            Assert.Equal(2, audio.Channels);
            // The agent's phone sends a sine wave: the right channel is not silent.
            Assert.Contains(audio.Samples.Where((_, i) => i % 2 == 1), s => Math.Abs((int)s) > 1000);
            Assert.Equal(UnixFileMode.None, file.UnixFileMode & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }
    }
}
