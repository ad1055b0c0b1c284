using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Data.Desk;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>The demo's hotline: simulated callers arrive at a steady rate and bot agents logged in to the queue answer them.</summary>
public sealed class DemoHotlineSpecs : TestKit, IAsyncLifetime
{
    private InboundRig _rig = null!;
    private AcdServices _services = null!;

    public async Task InitializeAsync()
    {
        _rig = await InboundRig.StartAsync(code: "demo-hotline");
        _services = new AcdServices(_rig.Dialer, _rig.Calls) { QueueSettings = new InboundQueueSettings(_rig.Db.DataSource) };
        // A short wrap-up so the bots take several callers within the test.
        await new InboundQueueSettings(_rig.Db.DataSource).SaveAsync(_rig.Tenant, _rig.Campaign,
            new QueuePolicy { WrapUp = TimeSpan.FromMilliseconds(200), AnnounceEvery = TimeSpan.Zero, MaxWait = TimeSpan.FromMinutes(1) },
            null, new Dictionary<string, IReadOnlyDictionary<string, int>>(), "test", DateTimeOffset.UtcNow);
    }

    Task IAsyncLifetime.DisposeAsync() => _rig.DisposeAsync().AsTask();

    private Task<long> Count(string where) => _rig.CountCallsAsync($"campaign_id = '{_rig.Campaign.Value}' AND {where}");

    [Fact]
    public async Task Demo_callers_are_answered_by_the_bots_in_the_queue_and_each_leaves_a_dispositioned_inbound_call_record()
    {
        var directory = Sys.ActorOf(AcdDirectoryActor.Props(_services));
        var bots = DialerFixture.FastBots with { Dispositions = ["resolved"] };
        for (var i = 1; i <= 2; i++)
            Sys.ActorOf(BotAgentActor.Props($"hotline-bot{i}", _rig.Campaign, ActorRefs.Nobody, _services.Dialer, bots, directory));
        var callers = new DemoInboundOptions
        {
            CallersPerMinute = 120, TalkSecondsMin = 0.5, TalkSecondsMax = 1, PatienceSecondsMin = 30, PatienceSecondsMax = 30,
        };
        Sys.ActorOf(DemoCallerActor.Props(_rig.Campaign, directory, _rig.Carrier, callers));

        await DialerFixture.Eventually(async () => await Count("outcome = 'answered' AND disposition = 'resolved' AND agent LIKE 'hotline-bot%'") >= 4,
            TimeSpan.FromSeconds(20), "four demo callers answered and dispositioned by the bots");
        var answeredBy = await DialingSeed.ScalarAsync<long>(_rig.Db.DataSource,
            $"SELECT count(DISTINCT agent) FROM inbound_calls WHERE campaign_id = '{_rig.Campaign.Value}' AND outcome = 'answered'");
        Assert.Equal(2, answeredBy);
        Assert.Equal(0, await Count("connected_at IS NULL AND outcome = 'answered'"));
        var status = await directory.Ask<AcdStatusReply>(new AcdCommands.GetStatus(_rig.Campaign), TimeSpan.FromSeconds(3));
        Assert.True(status.Answered >= 4, $"queue counted {status.Answered} answered");
        Assert.Equal(2, status.Agents.Count);
    }

    [Fact]
    public async Task Demo_callers_nobody_answers_hang_up_after_their_patience_and_count_as_abandoned()
    {
        var directory = Sys.ActorOf(AcdDirectoryActor.Props(_services));
        var callers = new DemoInboundOptions
        {
            CallersPerMinute = 60, TalkSecondsMin = 1, TalkSecondsMax = 1, PatienceSecondsMin = 0.5, PatienceSecondsMax = 0.5,
        };
        Sys.ActorOf(DemoCallerActor.Props(_rig.Campaign, directory, _rig.Carrier, callers));

        await DialerFixture.Eventually(async () => await Count("outcome = 'abandoned' AND agent IS NULL") >= 2,
            TimeSpan.FromSeconds(15), "two unanswered demo callers abandoned");
        var status = await directory.Ask<AcdStatusReply>(new AcdCommands.GetStatus(_rig.Campaign), TimeSpan.FromSeconds(3));
        Assert.True(status.Abandoned >= 2);
        Assert.Equal(0, status.Answered);
    }
}
