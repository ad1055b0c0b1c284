namespace Outbound.Core.Desk;

/// <summary>
/// What moves the desk: the agent's own actions (buttons), what calls, campaigns and the phone report, the clock's
/// deadlines (told by the owner, the machine has no clock), and a supervisor's interventions.
/// </summary>
public abstract record DeskInput
{
    // The agent's actions.

    public sealed record SignIn(bool HasPhone) : DeskInput;

    public sealed record SignOut : DeskInput;

    public sealed record GoReady : DeskInput;

    public sealed record GoNotReady(string Reason) : DeskInput;

    public sealed record Dial : DeskInput;

    public sealed record Skip : DeskInput;

    public sealed record HangUp : DeskInput;

    /// <summary>Answer a colleague's internal call ringing on this desk.</summary>
    public sealed record Answer : DeskInput;

    /// <summary>Hold, retrieve, transfer, consult, complete, conference or cancel the consult: handed to the call when allowed.</summary>
    public sealed record Control(DeskAction Action) : DeskInput;

    public sealed record SaveResult(DeskResult Result) : DeskInput;

    // What calls, campaigns and the phone report.

    /// <summary>
    /// A call is offered to the desk: a live answer (reserve), a preview lead, a manual dial going out, or an internal call
    /// (<paramref name="Incoming"/> when a colleague rings this desk). Refused with <see cref="DeskRefusal.NotAvailable"/> when the agent is not free for it.
    /// </summary>
    public sealed record Offered(DeskCallKind Kind, bool Incoming = false) : DeskInput;

    /// <summary>The preview or manual call the agent dialled exists now (it can be hung up).</summary>
    public sealed record Placed : DeskInput;

    /// <summary>The customer (or colleague) and the agent hear each other.</summary>
    public sealed record Connected : DeskInput;

    /// <summary>The call's hold, consult and conference as the call reports them.</summary>
    public sealed record StatusChanged(bool Held, string? ConsultWith, bool ConsultUp, bool Conference) : DeskInput;

    /// <summary>
    /// The agent's part of the answered call is over (the customer hung up, or the call went to someone else): after-call work.
    /// <paramref name="ResultExpected"/> false when the call's result is not this agent's to give (a colleague who was only consulted,
    /// an agent who transferred the customer to a colleague).
    /// </summary>
    public sealed record Ended(bool ResultExpected = true) : DeskInput;

    /// <summary>The call gave the agent back before anyone answered (no answer, busy, abandoned meanwhile, refused by compliance).</summary>
    public sealed record Released : DeskInput;

    /// <summary>The campaign's wrap-up time (after-call work) has run out.</summary>
    public sealed record WrapUpExpired : DeskInput;

    /// <summary>A preview lead's countdown ran out: it is dialled as if the agent had pressed 拨打.</summary>
    public sealed record PreviewCountdownExpired : DeskInput;

    /// <summary>The agent's phone dropped (or never came up): no calls until the agent signs in again.</summary>
    public sealed record PhoneLost : DeskInput;

    // A supervisor's interventions (班长强制).

    /// <summary>强制就绪: also closes after-call work, with whatever result was saved.</summary>
    public sealed record ForceReady : DeskInput;

    /// <summary>强制签出: leaves whatever call is on; a result saved during it is kept.</summary>
    public sealed record ForceSignOut : DeskInput;
}
