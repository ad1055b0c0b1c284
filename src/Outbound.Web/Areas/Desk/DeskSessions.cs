using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Hosting;
using Outbound.Dialer;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The agent sessions of people working at the desk (bots have their own): one session per agent, reporting to the
/// campaign shard region for outbound campaigns and to the inbound queues for inbound ones, so that one login can
/// take in campaigns of both kinds (call blending).
/// </summary>
public sealed class DeskSessions(ActorSystem system, IRequiredActor<CampaignRegion> region, AcdQueues acd, DialerServices dialer, DeskNotifier notifier)
{
    public sealed record Desk(IActorRef Session, IActorRef Bridge, DeskContext Context);

    private readonly ConcurrentDictionary<string, Desk> _desks = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The agent's session, started on first use (a logged-in session is returned as is: its login is refused).</summary>
    public async Task<Desk> ForLoginAsync(string agentId)
    {
        if (_desks.TryGetValue(agentId, out var desk)) return desk;
        await _gate.WaitAsync();
        try
        {
            if (_desks.TryGetValue(agentId, out desk)) return desk;
            var context = new DeskContext(agentId);
            var bridge = system.ActorOf(DeskBridgeActor.Props(context, notifier), $"desk-{agentId}");
            var session = system.ActorOf(AgentSessionActor.Props(agentId, await region.GetAsync(), bridge, dialer, acd.Directory), $"desk-session-{agentId}");
            desk = new Desk(session, bridge, context);
            _desks[agentId] = desk;
            return desk;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<Desk?> FindAsync(string agentId) => Task.FromResult(_desks.GetValueOrDefault(agentId));
}
