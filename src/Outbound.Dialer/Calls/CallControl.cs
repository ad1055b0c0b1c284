using Akka.Actor;

namespace Outbound.Dialer.Calls;

/// <summary>
/// Call control of a connected call (坐席软电话功能 and 班长监控): sent to the agent's session, which hands it to its
/// call; the call replies <see cref="CallControlReply"/>. Agent commands name the agent, monitoring ones the supervisor.
/// </summary>
public static class CallControl
{
    public interface ICommand;

    /// <summary>The customer hears music on hold; the agent hears nothing.</summary>
    public sealed record Hold(string AgentId) : ICommand;

    public sealed record Retrieve(string AgentId) : ICommand;

    /// <summary>盲转: the customer waits on hold and goes to the target when it takes the call; the agent is released at once then.</summary>
    public sealed record Transfer(string AgentId, TransferTarget Target) : ICommand;

    /// <summary>咨询: the customer waits on hold while the agent talks to the target.</summary>
    public sealed record Consult(string AgentId, TransferTarget Target) : ICommand;

    /// <summary>After a consult: the target takes the customer, the agent is released.</summary>
    public sealed record CompleteTransfer(string AgentId) : ICommand;

    /// <summary>After a consult: customer, agent and target all hear each other (三方通话).</summary>
    public sealed record Conference(string AgentId) : ICommand;

    /// <summary>Ends the consult (or the conference): the target is released and the agent has the customer back.</summary>
    public sealed record CancelConsult(string AgentId) : ICommand;

    /// <summary>挂机: the agent ends the call (or, while it still rings, cancels it); the agent goes to after-call work.</summary>
    public sealed record HangUp(string AgentId) : ICommand;

    /// <summary>监听 (listen), 耳语 (whisper to the agent) or 强插 (barge in): the supervisor's phone joins the call in that mode.</summary>
    public sealed record Monitor(string SupervisorId, MonitorMode Mode) : ICommand;

    /// <summary>The supervisor's phone leaves the call.</summary>
    public sealed record StopMonitor(string SupervisorId) : ICommand;

    /// <summary>强拆: hangs up the customer; the agent goes to after-call work.</summary>
    public sealed record ForceRelease(string SupervisorId) : ICommand;

    /// <summary>拦截: the supervisor takes the customer, the agent is released to after-call work.</summary>
    public sealed record Intercept(string SupervisorId) : ICommand;
}

public enum MonitorMode { Listen, Whisper, Barge }

/// <summary>Where a transfer or consult goes: another agent's session (logged in to the same campaign), or a number through the trunk.</summary>
public abstract record TransferTarget
{
    public sealed record Agent(string AgentId, IActorRef Session) : TransferTarget;

    public sealed record External(string Number) : TransferTarget;

    public string Name => this switch
    {
        Agent a => a.AgentId,
        External e => e.Number,
        _ => "",
    };
}

/// <summary>Null error: done (or started: a transfer or consult reports its progress as <see cref="CallControlStatus"/>).</summary>
public sealed record CallControlReply(string? Error)
{
    public const string NotOnCall = "not_on_call";
    public const string NotYourCall = "not_your_call";
    public const string Busy = "busy";
    public const string NoConsult = "no_consult";
    public const string NoSupervisorPhone = "no_supervisor_phone";
    /// <summary>The call is not at a point where this can be done (retrieve while not held …).</summary>
    public const string NotNow = "not_now";
}

/// <summary>
/// What the agent's desk shows about its call: held, a consult in progress (with whom, answered yet), a conference, and
/// the last notice (the target refused or failed).
/// </summary>
public sealed record CallControlStatus(bool Held, string? ConsultWith, bool ConsultUp, bool Conference, string? Notice = null)
{
    public const string TargetBusy = "target_busy";
    public const string TargetFailed = "target_failed";
    public const string TargetLeft = "target_left";
    /// <summary>The number rang for <see cref="DialerOptions.ConsultRingTimeout"/> without answering and was given up.</summary>
    public const string TargetNoAnswer = "target_no_answer";
}
