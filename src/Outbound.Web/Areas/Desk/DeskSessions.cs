using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Hosting;
using Outbound.Dialer;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The agent sessions of people working at the desk (bots have their own). One session per agent,
/// created on first use and kept while the process lives; the session decides its own state.
/// </summary>
public sealed class DeskSessions(ActorSystem system, IRequiredActor<CampaignRegion> region, DialerServices dialer, DeskNotifier notifier)
{
    public sealed record Desk(IActorRef Session, DeskContext Context);

    private readonly ConcurrentDictionary<string, Lazy<Task<Desk>>> _desks = new();

    public Task<Desk> GetOrCreateAsync(string agentId) =>
        _desks.GetOrAdd(agentId, id => new Lazy<Task<Desk>>(() => CreateAsync(id))).Value;

    public async Task<Desk?> FindAsync(string agentId) =>
        _desks.TryGetValue(agentId, out var desk) ? await desk.Value : null;

    private async Task<Desk> CreateAsync(string agentId)
    {
        var campaigns = await region.GetAsync();
        var context = new DeskContext(agentId);
        var bridge = system.ActorOf(DeskBridgeActor.Props(context, notifier), "desk-" + agentId);
        var session = system.ActorOf(AgentSessionActor.Props(agentId, campaigns, bridge, dialer), "desk-session-" + agentId);
        return new Desk(session, context);
    }
}
