using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Hosting;
using Outbound.Dialer;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The agent sessions of people working at the desk (bots have their own): one live session per agent. A
/// session reports to the campaign shard region (outbound) or to the inbound queues (inbound), so logging
/// in to the other kind of campaign replaces the agent's logged-out session with a new one.
/// </summary>
public sealed class DeskSessions(ActorSystem system, IRequiredActor<CampaignRegion> region, AcdQueues acd, DialerServices dialer, DeskNotifier notifier)
{
    public sealed record Desk(IActorRef Session, IActorRef Bridge, DeskContext Context, bool Inbound);

    private readonly ConcurrentDictionary<string, Desk> _desks = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _generation;

    /// <summary>The session to log in to a campaign of this kind with (a logged-in session is returned as is: its login is refused).</summary>
    public async Task<Desk> ForLoginAsync(string agentId, bool inbound)
    {
        await _gate.WaitAsync();
        try
        {
            if (_desks.TryGetValue(agentId, out var desk))
            {
                if (desk.Inbound == inbound) return desk;
                var state = await desk.Session.Ask<AgentStateReply>(new AgentCommands.GetState(), TimeSpan.FromSeconds(5));
                if (state.State != AgentState.LoggedOut) return desk;
                system.Stop(desk.Session);
                system.Stop(desk.Bridge);
            }
            var context = desk?.Context ?? new DeskContext(agentId);
            var n = Interlocked.Increment(ref _generation);
            var bridge = system.ActorOf(DeskBridgeActor.Props(context, notifier), $"desk-{agentId}-{n}");
            var campaigns = inbound ? acd.Directory : await region.GetAsync();
            var session = system.ActorOf(AgentSessionActor.Props(agentId, campaigns, bridge, dialer), $"desk-session-{agentId}-{n}");
            desk = new Desk(session, bridge, context, inbound);
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
