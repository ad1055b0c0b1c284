using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Desk;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Simulated;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>The queue directory starts each queue with the settings stored for its campaign (the settings page's table).</summary>
public sealed class AcdDirectorySpecs : TestKit, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private TenantId _tenant = null!;
    private CampaignId _main = null!;
    private AcdServices _services = null!;
    private SimulatedTelephony _carrier = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (_tenant, _main) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        var (dialer, carrier) = DialerFixture.Services(_db);
        _carrier = carrier;
        _services = new AcdServices(dialer, new InboundCallLog(_db.DataSource)) { QueueSettings = new InboundQueueSettings(_db.DataSource) };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _carrier.Dispose();
        await _db.DisposeAsync();
    }

    private Task<long> Count(string where) => DialingSeed.ScalarAsync<long>(_db.DataSource, $"SELECT count(*) FROM inbound_calls WHERE {where}");

    [Fact]
    public async Task A_queue_runs_on_its_stored_max_wait_and_sends_the_caller_to_the_stored_overflow_queue()
    {
        var (_, overflow) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable, code: "dir-overflow");
        await using (var cmd = _db.DataSource.CreateCommand("UPDATE campaigns SET tenant_id = @t WHERE id = @c"))
        {
            cmd.Parameters.AddWithValue("t", _tenant.Value);
            cmd.Parameters.AddWithValue("c", overflow.Value);
            await cmd.ExecuteNonQueryAsync();
        }
        var settings = new InboundQueueSettings(_db.DataSource);
        // The default policy would keep the caller 3 minutes and then offer a callback.
        await settings.SaveAsync(_tenant, _main, new QueuePolicy { MaxWait = TimeSpan.FromSeconds(1), Overflow = OverflowAction.OverflowQueue, AnnounceEvery = TimeSpan.Zero },
            overflow, new Dictionary<string, IReadOnlyDictionary<string, int>>(), "test", DateTimeOffset.UtcNow);
        await settings.SaveAsync(_tenant, overflow, new QueuePolicy { MaxWait = TimeSpan.Zero, Overflow = OverflowAction.None, AnnounceEvery = TimeSpan.Zero },
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
        var leg = _carrier.ArriveInbound("+8613900000101", new QueueTelephonySink(directory), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        directory.Tell(new AcdCommands.CallerArrived(_main, leg, "+8613900000101"));

        desk.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613900000101", TimeSpan.FromSeconds(6));
        Assert.True(DateTimeOffset.UtcNow - startedAt >= TimeSpan.FromSeconds(0.9), "sent on before the stored max wait");
        await DialerFixture.Eventually(async () => await Count($"campaign_id = '{_main.Value}' AND outcome = 'overflowed'") == 1,
            TimeSpan.FromSeconds(10), "overflowed record in the main queue");
    }
}
