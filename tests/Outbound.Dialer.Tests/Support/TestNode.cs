using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Pacing;
using Outbound.Data.Database;
using Outbound.Data.Desk;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Recovery;
using Outbound.Telephony.Simulated;
using Outbound.Testing;

namespace Outbound.Dialer.Tests.Support;

/// <summary>
/// A dialer node as the web host composes it, in process: its own actor system (a cluster of one) with the campaign
/// region, the run keeper and the inbound queues, on the simulated carrier, writing through a durable writer with an
/// outbox in a folder of its own.
/// </summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly string _folder;

    private TestNode(ActorSystem system, IActorRef region, IActorRef directory, DialerServices services, SimulatedTelephony carrier, DialerRuns runs, string folder)
    {
        (System, Region, Directory, Services, Carrier, Runs, _folder) = (system, region, directory, services, carrier, runs, folder);
    }

    public ActorSystem System { get; }
    public IActorRef Region { get; }
    /// <summary>The inbound queues.</summary>
    public IActorRef Directory { get; }
    public DialerServices Services { get; }
    public SimulatedTelephony Carrier { get; }
    public DialerRuns Runs { get; }
    public DurableWriter Records => Services.Records;

    public static TestNode Start(PgTestDatabase db, DialerOptions options, SimulatedCarrierOptions? carrier = null, string node = "test-node")
    {
        var folder = Path.Combine(Path.GetTempPath(), "dialer-node-" + Guid.NewGuid().ToString("N"));
        options = options with { StateFolder = folder, Node = node };
        var writer = new DurableWriter(db.DataSource, NullLogger<DurableWriter>.Instance, new DatabaseHealth(), new Outbox(Path.Combine(folder, "outbox")),
            maxDelay: TimeSpan.FromMilliseconds(50), replayEvery: TimeSpan.FromMilliseconds(500));
        var telephony = new SimulatedTelephony(carrier ?? DialerFixture.FastCarrier, TimeProvider.System);
        var services = new DialerServices(new CampaignStore(db.DataSource), new LeadHopper(db.DataSource), writer, telephony, TimeProvider.System,
            options, new PacingOptions());
        var system = ActorSystem.Create("node-" + Guid.NewGuid().ToString("N")[..8], CampaignSharding.Hocon);
        var region = CampaignSharding.Start(system, services);
        var runs = new DialerRuns(db.DataSource);
        system.ActorOf(RunKeeperActor.Props(services, runs, new RunRecovery(services, runs, new InterruptedWork(db.DataSource)), db.DataSource, region),
            "run-keeper");
        var acd = new AcdServices(services, new InboundCallLog(db.DataSource)) { QueueSettings = new InboundQueueSettings(db.DataSource) };
        var directory = system.ActorOf(AcdDirectoryActor.Props(acd), "acd");
        return new TestNode(system, region, directory, services, telephony, runs, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Carrier.Dispose();
        await System.Terminate();
        await Records.DisposeAsync();
        if (global::System.IO.Directory.Exists(_folder)) global::System.IO.Directory.Delete(_folder, recursive: true);
    }
}
