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
