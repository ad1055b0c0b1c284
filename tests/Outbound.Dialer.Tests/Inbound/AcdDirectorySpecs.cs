using Outbound.Dialer.Calls;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Data.Desk;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>The queue directory starts each queue with the settings stored for its campaign (the settings page's table).</summary>
public sealed class AcdDirectorySpecs : TestKit, IAsyncLifetime
{
    private InboundRig _rig = null!;
    private AcdServices _services = null!;

    public async Task InitializeAsync()
    {
        _rig = await InboundRig.StartAsync();
        _services = new AcdServices(_rig.Dialer, _rig.Calls) { QueueSettings = new InboundQueueSettings(_rig.Db.DataSource) };
    }

    Task IAsyncLifetime.DisposeAsync() => _rig.DisposeAsync().AsTask();

    [Fact]
    public async Task A_queue_runs_on_its_stored_max_wait_and_sends_the_caller_to_the_stored_overflow_queue()
    {
        var (_, overflow) = await DialingSeed.CampaignAsync(_rig.Db.DataSource, DialerFixture.AlwaysCallable, code: "dir-overflow");
        await using (var cmd = _rig.Db.DataSource.CreateCommand("UPDATE campaigns SET tenant_id = @t WHERE id = @c"))
        {
            cmd.Parameters.AddWithValue("t", _rig.Tenant.Value);
            cmd.Parameters.AddWithValue("c", overflow.Value);
            await cmd.ExecuteNonQueryAsync();
        }
        var settings = new InboundQueueSettings(_rig.Db.DataSource);
        // The default policy would keep the caller 3 minutes and then offer a callback.
        await settings.SaveAsync(_rig.Tenant, _rig.Campaign, new QueuePolicy { MaxWait = TimeSpan.FromSeconds(1), Overflow = OverflowAction.OverflowQueue, AnnounceEvery = TimeSpan.Zero },
            overflow, new Dictionary<string, IReadOnlyDictionary<string, int>>(), "test", DateTimeOffset.UtcNow);
        await settings.SaveAsync(_rig.Tenant, overflow, new QueuePolicy { MaxWait = TimeSpan.Zero, Overflow = OverflowAction.None, AnnounceEvery = TimeSpan.Zero },
            null, new Dictionary<string, IReadOnlyDictionary<string, int>> { ["backup"] = new Dictionary<string, int> { ["general"] = 1 } },
            "test", DateTimeOffset.UtcNow);

        var directory = Sys.ActorOf(AcdDirectoryActor.Props(_services));
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props("backup", directory, desk, _services.Dialer));
        session.Tell(new AgentCommands.Login(overflow), desk);
        desk.FishForMessage(m => m is AgentStateReply);
        session.Tell(new AgentCommands.Ready());
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Ready });

        var startedAt = DateTimeOffset.UtcNow;
        var leg = _rig.Carrier.ArriveInbound("+8613900000101", new ActorTelephonySink(directory), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        directory.Tell(new AcdCommands.CallerArrived(_rig.Campaign, leg, "+8613900000101"));

        desk.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613900000101", TimeSpan.FromSeconds(6));
        Assert.True(DateTimeOffset.UtcNow - startedAt >= TimeSpan.FromSeconds(0.9), "sent on before the stored max wait");
        await DialerFixture.Eventually(async () => await _rig.CountCallsAsync($"campaign_id = '{_rig.Campaign.Value}' AND outcome = 'overflowed'") == 1,
            TimeSpan.FromSeconds(10), "overflowed record in the main queue");
    }

    [Fact]
    public async Task Every_running_queue_is_listed_with_its_campaign_code_even_with_nobody_logged_in()
    {
        var directory = Sys.ActorOf(AcdDirectoryActor.Props(_services));
        var idle = await directory.Ask<RunningQueues>(new AcdCommands.ListQueues(), TimeSpan.FromSeconds(5));
        Assert.Empty(idle.Queues);

        var leg = _rig.Carrier.ArriveInbound("+8613900000102", new ActorTelephonySink(directory), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        directory.Tell(new AcdCommands.CallerArrived(_rig.Campaign, leg, "+8613900000102"));

        var code = await DialingSeed.ScalarAsync<string>(_rig.Db.DataSource, $"SELECT code FROM campaigns WHERE id = '{_rig.Campaign.Value}'");
        await AwaitAssertAsync(async () =>
        {
            var running = await directory.Ask<RunningQueues>(new AcdCommands.ListQueues(), TimeSpan.FromSeconds(5));
            var queue = Assert.Single(running.Queues);
            Assert.Equal((code, _rig.Campaign, 1), (queue.Code, queue.Status.CampaignId, queue.Status.Waiting));
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Settings_saved_while_the_queue_runs_are_applied_at_once_and_a_caller_waiting_for_a_skill_reaches_the_agent_given_it()
    {
        var settings = new InboundQueueSettings(_rig.Db.DataSource);
        var policy = new QueuePolicy { MaxWait = TimeSpan.Zero, Overflow = OverflowAction.None, AnnounceEvery = TimeSpan.Zero };
        await settings.SaveAsync(_rig.Tenant, _rig.Campaign, policy, null,
            new Dictionary<string, IReadOnlyDictionary<string, int>> { ["clerk"] = new Dictionary<string, int> { ["general"] = 1 } }, "test", DateTimeOffset.UtcNow);
        var directory = Sys.ActorOf(AcdDirectoryActor.Props(_services));
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props("clerk", directory, desk, _services.Dialer));
        session.Tell(new AgentCommands.Login(_rig.Campaign), desk);
        desk.FishForMessage(m => m is AgentStateReply);
        session.Tell(new AgentCommands.Ready());
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Ready });

        var leg = _rig.Carrier.ArriveInbound("+8613900000103", new ActorTelephonySink(directory), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        directory.Tell(new AcdCommands.CallerArrived(_rig.Campaign, leg, "+8613900000103", Skill: "billing"));
        desk.ExpectNoMsg(TimeSpan.FromSeconds(1)); // nobody has the billing skill: the caller waits

        await settings.SaveAsync(_rig.Tenant, _rig.Campaign, policy, null,
            new Dictionary<string, IReadOnlyDictionary<string, int>> { ["clerk"] = new Dictionary<string, int> { ["billing"] = 1 } }, "test", DateTimeOffset.UtcNow);
        directory.Tell(new AcdCommands.ReloadSettings(_rig.Campaign));
        desk.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613900000103", TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Reloading_the_settings_of_a_queue_that_is_not_running_does_not_start_it()
    {
        var directory = Sys.ActorOf(AcdDirectoryActor.Props(_services));
        directory.Tell(new AcdCommands.ReloadSettings(_rig.Campaign));
        var running = await directory.Ask<RunningQueues>(new AcdCommands.ListQueues(), TimeSpan.FromSeconds(5));
        Assert.Empty(running.Queues);
    }
}
