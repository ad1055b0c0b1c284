using Akka.Actor;
using Outbound.Dialer.Agents;

namespace Outbound.Dialer.Bots;

/// <summary>
/// A demo agent: the desk of one agent session. It logs in (to an outbound campaign or an inbound queue), becomes ready, dials or skips previews,
/// talks until the customer hangs up (the simulated carrier decides), dispositions after a short wrap-up
/// and becomes ready again.
/// </summary>
public sealed class BotAgentActor : ReceiveActor, IWithTimers
{
    private sealed record Decide;
    private sealed record Dispose;

    private readonly BotAgentOptions _options;
    private readonly Random _random;
    private IActorRef _session = ActorRefs.Nobody;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="inbound">The node's inbound queues: the bot then logs in to <paramref name="campaign"/> as an inbound queue.</param>
    public static Props Props(string agentId, Core.Campaigns.CampaignId campaign, IActorRef campaigns, DialerServices services, BotAgentOptions options,
        IActorRef? inbound = null) =>
        Akka.Actor.Props.Create(() => new BotAgentActor(agentId, campaign, campaigns, services, options, inbound));

    public BotAgentActor(string agentId, Core.Campaigns.CampaignId campaign, IActorRef campaigns, DialerServices services, BotAgentOptions options,
        IActorRef? inbound)
    {
        if (options.Dispositions.Count == 0) throw new ArgumentException("a bot needs the disposition codes to close its calls with", nameof(options));
        _options = options;
        _random = new Random(HashCode.Combine(options.Seed, agentId));
        Receive<AgentStateReply>(r =>
        {
            if (r.State == AgentState.NotReady) _session.Tell(new AgentCommands.Ready());
        });
        Receive<AgentEvents.StateChanged>(_ => { });
        Receive<AgentEvents.PreviewOffered>(_ => Timers.StartSingleTimer(nameof(Decide), new Decide(), TimeSpan.FromSeconds(_options.PreviewSeconds)));
        Receive<Decide>(_ =>
        {
            if (_random.NextDouble() < _options.SkipRate) _session.Tell(new AgentCommands.SkipPreview());
            else _session.Tell(new AgentCommands.DialPreview());
        });
        Receive<AgentEvents.CallConnected>(_ => { });
        Receive<AgentEvents.CallEnded>(_ => Timers.StartSingleTimer(nameof(Dispose), new Dispose(), TimeSpan.FromSeconds(_options.WrapSeconds)));
        Receive<Dispose>(_ => _session.Tell(new AgentCommands.Disposition(_options.Dispositions[_random.Next(_options.Dispositions.Count)])));
        Receive<Status.Failure>(_ => { });
        Receive<AgentEvents.DeskChanged>(_ => { });
        Receive<AgentCommandReply>(_ => { });

        _session = Context.ActorOf(AgentSessionActor.Props(agentId, campaigns, Self, services, inbound), "session");
        _session.Tell(new AgentCommands.Login(campaign) { Inbound = inbound is null ? new HashSet<Core.Campaigns.CampaignId>() : new HashSet<Core.Campaigns.CampaignId> { campaign } });
    }
}
