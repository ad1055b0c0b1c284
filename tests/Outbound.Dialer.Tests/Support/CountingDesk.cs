using System.Collections.Concurrent;
using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Agents;

namespace Outbound.Dialer.Tests.Support;

/// <summary>
/// The desk of one agent in a test: logs in, becomes ready, dispositions each call after a short wrap-up — and counts the
/// state changes its session told it of, one per state event the session must have recorded.
/// </summary>
internal sealed class CountingDesk : ReceiveActor, IWithTimers
{
    private sealed record Dispose;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string agentId, CampaignId campaign, IActorRef campaigns, DialerServices services,
        ConcurrentDictionary<string, int> stateChanges, IActorRef? inbound = null, string disposition = "done") =>
        Akka.Actor.Props.Create(() => new CountingDesk(agentId, campaign, campaigns, services, stateChanges, inbound, disposition));

    public CountingDesk(string agentId, CampaignId campaign, IActorRef campaigns, DialerServices services,
        ConcurrentDictionary<string, int> stateChanges, IActorRef? inbound, string disposition)
    {
        var session = Context.ActorOf(AgentSessionActor.Props(agentId, campaigns, Self, services, inbound), "session");
        Receive<AgentStateReply>(r =>
        {
            if (r.State == AgentState.NotReady) session.Tell(new AgentCommands.Ready());
        });
        Receive<AgentEvents.StateChanged>(_ => stateChanges.AddOrUpdate(agentId, 1, (_, n) => n + 1));
        Receive<AgentEvents.CallEnded>(_ => Timers.StartSingleTimer(nameof(Dispose), new Dispose(), TimeSpan.FromMilliseconds(200)));
        Receive<Dispose>(_ => session.Tell(new AgentCommands.Disposition(disposition)));
        ReceiveAny(_ => { });
        session.Tell(new AgentCommands.Login(campaign)
        {
            Inbound = inbound is null ? new HashSet<CampaignId>() : new HashSet<CampaignId> { campaign },
        });
    }
}
