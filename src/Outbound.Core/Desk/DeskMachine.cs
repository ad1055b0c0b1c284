namespace Outbound.Core.Desk;

/// <summary>One step of the desk: the machine after it, what its owner must do, or why the input was refused (machine unchanged).</summary>
public sealed record DeskStep(DeskMachine Machine, IReadOnlyList<DeskEffect> Effects, DeskRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
}

/// <summary>
/// The agent's desk as one state machine: signed-out, not-ready (with its reason), ready, reserved, ringing, talking,
/// held, consulting and after-call work (<see cref="State"/>), the buttons each allows (<see cref="Actions"/>) and every
/// transition (<see cref="Apply"/>). Pure: the agent session actor feeds it the agent's actions, its calls' events and
/// its timers' deadlines, and carries out the <see cref="DeskEffect"/>s; the desk page shows what it says.
/// <para>
/// Two rules keep an agent from ever being stuck. A result may be saved whenever the customer has answered, during the
/// call or after it; saved during the call it goes to the call at once (kept even if the agent leaves), and the last one
/// saved is what the call is recorded with when after-call work closes. After-call work closes by the agent's own
/// ready, not-ready or sign-out once a result is saved (or none is expected), or by itself when the wrap-up time runs out
/// with a result saved; without one the desk keeps waiting for it, never for a supervisor.
/// </para>
/// <para>
/// What the agent returns to after a call is its <see cref="Presence"/>: asking for not-ready (or ready) during a call
/// changes it at once and takes effect when the call is over.
/// </para>
/// </summary>
public sealed record DeskMachine(DeskPresence Presence, string? Reason, DeskCall? Call, bool HasPhone)
{
    /// <summary>The not-ready reason right after signing in.</summary>
    public const string LoginReason = "login";

    /// <summary>The not-ready reason once the agent's phone dropped.</summary>
    public const string PhoneReason = "phone";

    public static DeskMachine SignedOut { get; } = new(DeskPresence.SignedOut, null, null, false);

    public DeskState State => (Presence, Call) switch
    {
        (DeskPresence.SignedOut, _) => DeskState.SignedOut,
        (_, null) => Presence == DeskPresence.Ready ? DeskState.Ready : DeskState.NotReady,
        (_, { Ended: true }) => DeskState.AfterCallWork,
        (_, { Connected: true, ConsultWith: not null }) => DeskState.Consulting,
        (_, { Connected: true, Held: true }) => DeskState.Held,
        (_, { Connected: true }) => DeskState.Talking,
        (_, { Kind: DeskCallKind.Live }) => DeskState.Reserved,
        (_, { Kind: DeskCallKind.Preview, Dialled: false }) => DeskState.Reserved,
        _ => DeskState.Ringing,
    };

    /// <summary>The buttons the desk shows now. Anything else is refused; some of these may still be refused with a reason (ready without a phone).</summary>
    public IReadOnlySet<DeskAction> Actions
    {
        get
        {
            var actions = new HashSet<DeskAction>();
            if (Presence == DeskPresence.SignedOut)
            {
                actions.Add(DeskAction.SignIn);
                return actions;
            }
            if (Call is not { } call)
            {
                actions.UnionWith([DeskAction.NotReady, DeskAction.SignOut, DeskAction.ManualDial, DeskAction.CallColleague]);
                if (Presence == DeskPresence.NotReady) actions.Add(DeskAction.Ready);
                return actions;
            }
            // During a call ready and not-ready say what to return to afterwards; after it they close the after-call work.
            if (call.Ended)
            {
                actions.UnionWith([DeskAction.SaveResult, DeskAction.NotReady]);
                if (call.Closable) actions.UnionWith([DeskAction.Ready, DeskAction.SignOut]);
                return actions;
            }
            actions.Add(Presence == DeskPresence.Ready ? DeskAction.NotReady : DeskAction.Ready);
            switch (State)
            {
                case DeskState.Reserved when call.Kind == DeskCallKind.Preview:
                    actions.UnionWith([DeskAction.Dial, DeskAction.Skip]);
                    break;
                case DeskState.Ringing:
                    if (call.Incoming) actions.Add(DeskAction.Answer);
                    actions.Add(DeskAction.HangUp);
                    break;
                case DeskState.Talking:
                    actions.Add(DeskAction.HangUp);
                    if (call.Kind != DeskCallKind.Internal) actions.UnionWith([DeskAction.Hold, DeskAction.Transfer, DeskAction.Consult, DeskAction.SaveResult]);
                    break;
                case DeskState.Held:
                    actions.UnionWith([DeskAction.Retrieve, DeskAction.HangUp, DeskAction.Transfer, DeskAction.Consult, DeskAction.SaveResult]);
                    break;
                case DeskState.Consulting:
                    actions.UnionWith([DeskAction.CancelConsult, DeskAction.SaveResult]);
                    if (call.ConsultUp) actions.Add(DeskAction.CompleteTransfer);
                    if (call.ConsultUp && !call.Conference) actions.Add(DeskAction.Conference);
                    break;
            }
            return actions;
        }
    }

    public DeskStep Apply(DeskInput input)
    {
        if (input is DeskInput.SignIn signIn)
            return Presence == DeskPresence.SignedOut
                ? Go(new DeskMachine(DeskPresence.NotReady, LoginReason, null, signIn.HasPhone))
                : Refuse(DeskRefusal.AlreadySignedIn);
        if (Presence == DeskPresence.SignedOut)
            return Refuse(input is DeskInput.Offered or DeskInput.Placed ? DeskRefusal.NotAvailable : DeskRefusal.NotSignedIn);
        return input switch
        {
            DeskInput.SignOut => SignOutStep(),
            DeskInput.GoReady => ReadyStep(forced: false),
            DeskInput.ForceReady => ReadyStep(forced: true),
            DeskInput.GoNotReady n => NotReadyStep(n.Reason),
            DeskInput.Dial or DeskInput.PreviewCountdownExpired => Call is { Kind: DeskCallKind.Preview, Dialled: false } call
                ? Go(this with { Call = call with { Dialled = true } }, new DeskEffect.DialLead())
                : Refuse(DeskRefusal.NoPreview),
            DeskInput.Skip => Call is { Kind: DeskCallKind.Preview, Dialled: false }
                ? Go(this with { Call = null }, new DeskEffect.SkipLead())
                : Refuse(DeskRefusal.NoPreview),
            DeskInput.HangUp => HangUpStep(),
            DeskInput.Answer => Call is { Kind: DeskCallKind.Internal, Incoming: true, Connected: false }
                ? Go(this, new DeskEffect.AnswerInternal())
                : Refuse(DeskRefusal.NoCall),
            DeskInput.Control c => ControlStep(c.Action),
            DeskInput.SaveResult s => Call is { Connected: true, Kind: not DeskCallKind.Internal } call
                ? Go(this with { Call = call with { Result = s.Result } }, call.Ended ? [] : [new DeskEffect.StoreResult(s.Result)])
                : Refuse(DeskRefusal.NoCall),
            DeskInput.Offered o => OfferedStep(o),
            DeskInput.Placed => Call is { Dialled: true, Placed: false, Kind: DeskCallKind.Preview or DeskCallKind.Manual } call
                ? Go(this with { Call = call with { Placed = true } }, call.HangUpAsked ? [new DeskEffect.HangUpCall()] : [])
                : Refuse(DeskRefusal.NotAvailable),
            DeskInput.Connected => Call is { Connected: false } call && (call.Kind is DeskCallKind.Live or DeskCallKind.Internal || call.Placed)
                ? Go(this with { Call = call with { Connected = true } })
                : Refuse(DeskRefusal.NotNow),
            DeskInput.StatusChanged s => Call is { Live: true } call
                ? Go(this with { Call = call with { Held = s.Held, ConsultWith = s.ConsultWith, ConsultUp = s.ConsultWith is not null && s.ConsultUp,
                    Conference = s.ConsultWith is not null && s.Conference } })
                : Refuse(DeskRefusal.NoCall),
            DeskInput.Ended e => EndedStep(e.ResultExpected),
            DeskInput.Released => Call is { Connected: false } ? Go(this with { Call = null }) : Refuse(DeskRefusal.NotNow),
            DeskInput.WrapUpExpired => Call is { Ended: true } call
                ? call.Closable ? Close(this) : Go(this with { Call = call with { WrapUpOver = true } })
                : Refuse(DeskRefusal.NoCall),
            DeskInput.PhoneLost => Go(this with { HasPhone = false, Presence = DeskPresence.NotReady, Reason = PhoneReason },
                Call is { Kind: DeskCallKind.Internal } ? [new DeskEffect.LeaveInternal()] : []),
            DeskInput.ForceSignOut => Go(SignedOut, LeaveEffects()),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown desk input"),
        };
    }

    private DeskStep SignOutStep() => Call switch
    {
        null => Go(SignedOut),
        { Kind: DeskCallKind.Preview, Dialled: false } => Go(SignedOut, new DeskEffect.SkipLead()),
        { Closable: true } call => Go(SignedOut, new DeskEffect.StopWrapUp(), new DeskEffect.CloseCall(call.Result)),
        { Ended: true } => Refuse(DeskRefusal.ResultRequired),
        _ => Refuse(DeskRefusal.OnCall),
    };

    /// <remarks>A supervisor's ready closes after-call work even without a result; the agent's needs one saved (or none expected).</remarks>
    private DeskStep ReadyStep(bool forced)
    {
        if (!HasPhone) return Refuse(DeskRefusal.NoPhone);
        var ready = this with { Presence = DeskPresence.Ready, Reason = null };
        return Call switch
        {
            { Ended: true } call when call.Closable || forced => Close(ready),
            { Ended: true } => Refuse(DeskRefusal.ResultRequired),
            _ => Go(ready),
        };
    }

    private DeskStep NotReadyStep(string reason)
    {
        var notReady = this with { Presence = DeskPresence.NotReady, Reason = reason };
        return Call is { Closable: true } ? Close(notReady) : Go(notReady);
    }

    private DeskStep HangUpStep()
    {
        if (Call is not { Ended: false } call) return Refuse(DeskRefusal.NoCall);
        if (call.Kind == DeskCallKind.Internal) return Go(this, new DeskEffect.LeaveInternal());
        if (call.ConsultWith is not null) return Refuse(DeskRefusal.ConsultInProgress);
        if (!call.Connected && !call.Dialled) return Refuse(DeskRefusal.NotNow); // a live answer being put through, a preview not dialled
        var next = this with { Call = call with { HangUpAsked = true } };
        // Dialled but not placed yet: hung up as soon as the call exists (see Placed).
        return call.Connected || call.Placed ? Go(next, new DeskEffect.HangUpCall()) : Go(next);
    }

    private DeskStep ControlStep(DeskAction action)
    {
        if (Call is not { Live: true } call) return Refuse(DeskRefusal.NoCall);
        var consulting = call.ConsultWith is not null;
        DeskRefusal? refusal = action switch
        {
            DeskAction.Hold => consulting ? DeskRefusal.ConsultInProgress : call.Held ? DeskRefusal.NotNow : null,
            DeskAction.Retrieve => consulting ? DeskRefusal.ConsultInProgress : !call.Held ? DeskRefusal.NotNow : null,
            DeskAction.Transfer or DeskAction.Consult => consulting ? DeskRefusal.ConsultInProgress : null,
            DeskAction.CompleteTransfer => !consulting ? DeskRefusal.NoConsult : !call.ConsultUp ? DeskRefusal.NotNow : null,
            DeskAction.Conference => !consulting ? DeskRefusal.NoConsult : !call.ConsultUp || call.Conference ? DeskRefusal.NotNow : null,
            DeskAction.CancelConsult => !consulting ? DeskRefusal.NoConsult : null,
            _ => DeskRefusal.NotNow,
        };
        // The call reports the change (StatusChanged); until then the desk stays as it is.
        return refusal is { } r ? Refuse(r) : Go(this);
    }

    private DeskStep OfferedStep(DeskInput.Offered offer)
    {
        var free = offer.Kind is DeskCallKind.Live or DeskCallKind.Preview ? Presence == DeskPresence.Ready : true;
        if (Call is not null || !HasPhone || !free) return Refuse(DeskRefusal.NotAvailable);
        var call = new DeskCall(offer.Kind)
        {
            Dialled = offer.Kind == DeskCallKind.Manual || (offer.Kind == DeskCallKind.Internal && !offer.Incoming),
            Incoming = offer.Kind == DeskCallKind.Internal && offer.Incoming,
        };
        return Go(this with { Call = call }, offer.Kind == DeskCallKind.Preview ? [new DeskEffect.StartPreviewCountdown()] : []);
    }

    private DeskStep EndedStep(bool resultExpected) => Call switch
    {
        null or { Ended: true } => Refuse(DeskRefusal.NoCall),
        // An internal call, or one that never connected, leaves nothing to wrap up.
        { Kind: DeskCallKind.Internal } or { Connected: false } => Go(this with { Call = null }),
        { } call => Go(this with
        {
            Call = call with { Ended = true, ResultExpected = resultExpected, Held = false, ConsultWith = null, ConsultUp = false, Conference = false },
        }, new DeskEffect.StartWrapUp()),
    };

    /// <summary>What leaving the desk at once (a supervisor's sign-out) does to the call on it; a saved result goes with it.</summary>
    private IReadOnlyList<DeskEffect> LeaveEffects() => Call switch
    {
        null => [],
        { Kind: DeskCallKind.Internal } => [new DeskEffect.LeaveInternal()],
        { Kind: DeskCallKind.Preview, Dialled: false } => [new DeskEffect.SkipLead()],
        { Ended: true } call => [new DeskEffect.StopWrapUp(), new DeskEffect.CloseCall(call.Result)],
        { Connected: true } call => [new DeskEffect.CloseCall(call.Result)],
        { Placed: true } => [new DeskEffect.HangUpCall()],
        _ => [],
    };

    /// <summary>After-call work is over: the call is recorded with the last result saved; the desk returns to <paramref name="next"/>'s presence.</summary>
    private DeskStep Close(DeskMachine next) =>
        Go(next with { Call = null }, new DeskEffect.StopWrapUp(), new DeskEffect.CloseCall(Call!.Result));

    private static DeskStep Go(DeskMachine next, params IReadOnlyList<DeskEffect> effects) => new(next, effects, null);

    private DeskStep Refuse(DeskRefusal refusal) => new(this, [], refusal);
}
