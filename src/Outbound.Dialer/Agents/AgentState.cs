using Outbound.Core.Desk;

namespace Outbound.Dialer.Agents;

/// <summary>Where an agent session is (agent_state_events.state stores the snake_case name).</summary>
public enum AgentState
{
    LoggedOut,
    Ready,
    /// <summary>Chosen for a call or a preview lead, not talking yet.</summary>
    Reserved,
    OnCall,
    /// <summary>话后处理: the customer hung up, the agent dispositions.</summary>
    AfterCallWork,
    NotReady,
}

public static class AgentStateNames
{
    public static string Code(this AgentState state) => state switch
    {
        AgentState.LoggedOut => "logged_out",
        AgentState.Ready => "ready",
        AgentState.Reserved => "reserved",
        AgentState.OnCall => "on_call",
        AgentState.AfterCallWork => "after_call_work",
        AgentState.NotReady => "not_ready",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}

/// <summary>The coarse state of a desk, as campaigns pace by it and the wallboard and <c>agent_state_events</c> show it.</summary>
public static class AgentStates
{
    /// <summary>The state and its logged reason: the not-ready reason, or what the agent is reserved for (call, preview, manual, internal).</summary>
    public static (AgentState State, string? Reason) Of(DeskMachine desk) => desk.State switch
    {
        DeskState.SignedOut => (AgentState.LoggedOut, null),
        DeskState.NotReady => (AgentState.NotReady, desk.Reason),
        DeskState.Ready => (AgentState.Ready, null),
        DeskState.Reserved or DeskState.Ringing => (AgentState.Reserved, KindReason(desk.Call!.Kind)),
        DeskState.Talking or DeskState.Held or DeskState.Consulting =>
            (AgentState.OnCall, desk.Call!.Kind == DeskCallKind.Internal ? AgentSessionActor.InternalReason : null),
        DeskState.AfterCallWork => (AgentState.AfterCallWork, null),
        _ => throw new ArgumentOutOfRangeException(nameof(desk), desk.State, null),
    };

    private static string KindReason(DeskCallKind kind) => kind switch
    {
        DeskCallKind.Live => "call",
        DeskCallKind.Preview => "preview",
        DeskCallKind.Manual => "manual",
        _ => AgentSessionActor.InternalReason,
    };
}
