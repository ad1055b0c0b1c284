namespace Outbound.Core.Desk;

/// <summary>The call on the desk, from the offer to the end of its after-call work.</summary>
public sealed record DeskCall(DeskCallKind Kind)
{
    /// <summary>The agent dialled it (a preview once 拨打 is pressed; manual and outgoing internal calls from the start).</summary>
    public bool Dialled { get; init; }

    /// <summary>A colleague's internal call ringing on this desk.</summary>
    public bool Incoming { get; init; }

    /// <summary>The dialled call exists, so it can be hung up.</summary>
    public bool Placed { get; init; }

    /// <summary>The agent hung up (or cancelled): the call ends as soon as it can.</summary>
    public bool HangUpAsked { get; init; }

    public bool Connected { get; init; }

    public bool Held { get; init; }

    /// <summary>The colleague or number being consulted or transferred to, while that goes on.</summary>
    public string? ConsultWith { get; init; }

    public bool ConsultUp { get; init; }

    public bool Conference { get; init; }

    /// <summary>The customer is gone: after-call work.</summary>
    public bool Ended { get; init; }

    /// <summary>False when the call's result is someone else's to give (see <see cref="DeskInput.Ended"/>).</summary>
    public bool ResultExpected { get; init; } = true;

    /// <summary>The result saved last, during or after the call.</summary>
    public DeskResult? Result { get; init; }

    /// <summary>The wrap-up time ran out before a result was saved: the desk waits for one.</summary>
    public bool WrapUpOver { get; init; }

    /// <summary>After-call work may end: a result is saved, or none is expected.</summary>
    public bool Closable => Ended && (Result is not null || !ResultExpected);

    /// <summary>A customer call answered and not over: call control and results apply.</summary>
    public bool Live => Connected && !Ended && Kind != DeskCallKind.Internal;
}
