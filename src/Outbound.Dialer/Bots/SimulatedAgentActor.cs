using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Agents;

namespace Outbound.Dialer.Bots;

/// <summary>How one simulated person works the desk: the times it takes, drawn by whoever simulates the world.</summary>
public interface IAgentBehaviour
{
    /// <summary>How long the agent takes to go ready the <paramref name="n"/>-th time (at login, then after each break).</summary>
    TimeSpan Reaction(int n);

    /// <summary>The <paramref name="n"/>-th break: due this long after the agent last went ready from login or a break, and its length; null: none.</summary>
    (TimeSpan DueAfter, TimeSpan Length)? Break(int n);

    /// <summary>The after-call work of the agent's <paramref name="call"/>-th call with a person.</summary>
    TimeSpan Wrap(int call);

    /// <summary>The after-call work for an answering machine put through: the agent marks it in a keystroke.</summary>
    TimeSpan MachineWrap { get; }

    /// <summary>Whether the callee at this number is an answering machine (the agent hears it).</summary>
    bool IsMachine(string phoneE164);
}

/// <summary>
/// A simulated person at the desk of one agent session, with the human behaviours the browser desk sees: it takes a
/// moment to go ready after logging in and after a break, its after-call work ends when it saves the result (marking an
/// answering machine in a keystroke), and now and then it asks for a break, which the session starts at once when the
/// agent is ready, or when the result of the call in hand is saved. The live pacing bench runs one per agent on the
/// virtual clock; it talks to the real <see cref="AgentSessionActor"/> as the desk does.
/// </summary>
public sealed class SimulatedAgentActor : ReceiveActor, IWithTimers
{
    private sealed record GoReady;
    private sealed record BreakDue;
    private sealed record Save(bool Machine);

    /// <summary>The result a simulated agent gives a call with a person.</summary>
    public const string Contacted = "contacted";

    private readonly IAgentBehaviour _behaviour;
    private readonly IActorRef _session;
    private int _calls, _breaks;
    private bool _onBreak;
    private bool _machine;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string agentId, CampaignId campaign, IActorRef campaigns, DialerServices services, IAgentBehaviour behaviour) =>
        Akka.Actor.Props.Create(() => new SimulatedAgentActor(agentId, campaign, campaigns, services, behaviour));

    public SimulatedAgentActor(string agentId, CampaignId campaign, IActorRef campaigns, DialerServices services, IAgentBehaviour behaviour)
    {
        _behaviour = behaviour;
        _session = Context.ActorOf(AgentSessionActor.Props(agentId, campaigns, Self, services), "session");

        Receive<AgentStateReply>(r =>
        {
            if (r.State == AgentState.NotReady) Timers.StartSingleTimer(nameof(GoReady), new GoReady(), _behaviour.Reaction(0));
        });
        Receive<GoReady>(_ =>
        {
            _onBreak = false;
            _session.Tell(new AgentCommands.Ready());
            if (_behaviour.Break(_breaks) is { } next) Timers.StartSingleTimer(nameof(BreakDue), new BreakDue(), next.DueAfter);
        });
        Receive<BreakDue>(_ => _session.Tell(new AgentCommands.NotReady("break")));
        Receive<AgentEvents.StateChanged>(s =>
        {
            // The break starts when the session takes the agent off (at once, or after the call in hand).
            if (s.State != AgentState.NotReady || s.Reason != "break" || _onBreak) return;
            _onBreak = true;
            var length = _behaviour.Break(_breaks)?.Length ?? TimeSpan.Zero;
            Timers.StartSingleTimer(nameof(GoReady), new GoReady(), length + _behaviour.Reaction(++_breaks));
        });
        Receive<AgentEvents.CallConnected>(c => _machine = _behaviour.IsMachine(c.Lead.PhoneE164));
        Receive<AgentEvents.CallEnded>(_ =>
            Timers.StartSingleTimer(nameof(Save), new Save(_machine), _machine ? _behaviour.MachineWrap : _behaviour.Wrap(_calls++)));
        Receive<Save>(s => _session.Tell(new AgentCommands.Disposition(s.Machine ? Disposition.AnsweringMachineCode : Contacted)));
        Receive<AgentEvents.PreviewOffered>(_ => _session.Tell(new AgentCommands.DialPreview()));
        Receive<object>(_ => { });

        _session.Tell(new AgentCommands.Login(campaign));
    }
}
