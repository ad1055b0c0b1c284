namespace Outbound.Core.Desk;

/// <summary>What the agent can do at the desk: each is a button (or key) the desk shows only when <see cref="DeskMachine.Actions"/> allows it.</summary>
public enum DeskAction
{
    SignIn,
    SignOut,
    Ready,
    NotReady,
    /// <summary>Preview: dial the lead on screen.</summary>
    Dial,
    /// <summary>Preview: pass on the lead on screen.</summary>
    Skip,
    /// <summary>Dial a typed number (手工外呼).</summary>
    ManualDial,
    /// <summary>Ring a colleague (内部呼叫).</summary>
    CallColleague,
    /// <summary>Answer a colleague's internal call.</summary>
    Answer,
    /// <summary>挂机: end the call (or cancel it while it rings, or decline a colleague's).</summary>
    HangUp,
    Hold,
    Retrieve,
    /// <summary>盲转: the customer goes to the target once it answers.</summary>
    Transfer,
    /// <summary>咨询: talk to the target while the customer waits.</summary>
    Consult,
    CompleteTransfer,
    Conference,
    CancelConsult,
    /// <summary>Save (or correct) the call's result: any time once the customer answered, during or after the call.</summary>
    SaveResult,
}

/// <summary>Why the desk did not do what was asked (the desk words it for the agent).</summary>
public enum DeskRefusal
{
    NotSignedIn,
    AlreadySignedIn,
    /// <summary>The agent's phone is not connected: sign out and in again.</summary>
    NoPhone,
    /// <summary>The result of the call must be saved first.</summary>
    ResultRequired,
    /// <summary>Not while a call is on: hang up (or finish it) first.</summary>
    OnCall,
    /// <summary>There is no call (or no answered call) for this.</summary>
    NoCall,
    /// <summary>There is no preview lead on screen.</summary>
    NoPreview,
    /// <summary>There is no consult or transfer going on.</summary>
    NoConsult,
    /// <summary>A consult or transfer is going on: complete or cancel it first.</summary>
    ConsultInProgress,
    /// <summary>The call is not at a point where this can be done (e.g. retrieve while not held).</summary>
    NotNow,
    /// <summary>A call offered to the desk was not taken: the agent is not free for it.</summary>
    NotAvailable,
}
