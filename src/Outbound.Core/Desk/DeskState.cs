namespace Outbound.Core.Desk;

/// <summary>Where an agent's desk is, as the agent sees it (derived by <see cref="DeskMachine.State"/>).</summary>
public enum DeskState
{
    /// <summary>签出: takes no calls; only signing in is offered.</summary>
    SignedOut,
    /// <summary>示忙 with a reason (login, break, training, meeting, phone …).</summary>
    NotReady,
    /// <summary>就绪: campaigns and queues may give the agent a call.</summary>
    Ready,
    /// <summary>预占: a live answer is being put through, or a preview lead waits on screen to be dialled or skipped.</summary>
    Reserved,
    /// <summary>呼叫中: a call the agent placed (preview, manual, internal) rings, or a colleague's internal call rings here.</summary>
    Ringing,
    /// <summary>通话中.</summary>
    Talking,
    /// <summary>保持: the customer hears music on hold.</summary>
    Held,
    /// <summary>咨询/转接: a colleague or a number is being reached (or talked to, or in a conference) about the call.</summary>
    Consulting,
    /// <summary>话后处理: the customer is gone; the result is saved (or still to be saved) before the next call.</summary>
    AfterCallWork,
}

/// <summary>Signed out, or signed in and (apart from any call) ready or not ready: what the desk returns to after a call.</summary>
public enum DeskPresence
{
    SignedOut,
    NotReady,
    Ready,
}

/// <summary>How the call on the desk came to be.</summary>
public enum DeskCallKind
{
    /// <summary>A live answer put through by a campaign, an inbound queue or a colleague's transfer.</summary>
    Live,
    /// <summary>A lead shown first; the agent dials or skips it.</summary>
    Preview,
    /// <summary>A number the agent dialled by hand.</summary>
    Manual,
    /// <summary>Agent to agent (内部呼叫): no customer, no result.</summary>
    Internal,
}
