using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Outbound.Core.Campaigns;

namespace Outbound.Dialer.Campaigns;

/// <summary>Marker for the campaign shard region in the Akka.Hosting actor registry.</summary>
public sealed class CampaignRegion;

/// <summary>
/// The campaign shard region on a cluster (of one on a single machine). Remember-entities stays off
/// (FINDINGS.md: its DData store needs LightningDB, which breaks here): running campaigns are woken from
/// <c>campaigns.status</c> instead. Idle passivation is off: a running campaign is driven by its own
/// timers, which sharding does not see as activity. The CLR exit hook is off: on SIGTERM the host stops the dialer
/// gracefully first (live calls drain), and only then the actor system.
/// </summary>
public static class CampaignSharding
{
    public const string TypeName = "campaign";

    public static Config Hocon { get; } = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.cluster.min-nr-of-members = 1
        akka.cluster.sharding.remember-entities = off
        akka.cluster.sharding.state-store-mode = ddata
        akka.cluster.sharding.passivate-idle-entity-after = off
        akka.cluster.sharding.distributed-data.durable.keys = []
        akka.cluster.distributed-data.durable.keys = []
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """);

    /// <summary>Joins the node to itself (a cluster of one) and starts the region.</summary>
    public static IActorRef Start(ActorSystem system, DialerServices services)
    {
        var cluster = Cluster.Get(system);
        if (cluster.State.Members.IsEmpty) cluster.Join(cluster.SelfAddress);
        return ClusterSharding.Get(system).Start(
            TypeName,
            entityId => CampaignActor.Props(new CampaignId(Guid.Parse(entityId)), services),
            ClusterShardingSettings.Create(system),
            new CampaignMessageExtractor());
    }

    /// <summary>Wakes every campaign the database says was running when the dialer stopped.</summary>
    public static async Task<int> WakeRunningAsync(IActorRef region, DialerServices services, CancellationToken ct = default)
    {
        var running = await services.Campaigns.RunningAsync(ct);
        // No sender: nobody waits for the campaigns' answers (from an actor they would land, unhandled, in its log every beat).
        foreach (var id in running) region.Tell(new CampaignCommands.Wake(id), ActorRefs.NoSender);
        return running.Count;
    }
}
