using NodaTime;
using Outbound.Core.Compliance;
using Outbound.Core.Desk;

namespace Outbound.Core.Tests.Desk;

/// <summary>
/// What surrounds a desk, as a model: the campaign and queues offering calls, the call itself (customer, hold, consults),
/// the campaign placing dialled leads, and the clock's deadlines. It answers the machine's effects the way the dialer
/// does (a hang-up ends the call, a consult rings then answers or fails …), so every random sequence it drives is one
/// that could happen, and it keeps what each call was told: the results stored during it and the one it is closed with.
/// </summary>
internal sealed class DeskWorld
{
    internal sealed class ModelCall(int id, DeskCallKind kind)
    {
        public int Id { get; } = id;
        public DeskCallKind Kind { get; } = kind;
        public bool DialRequested { get; set; }
        public bool Exists { get; set; }
        public bool Answered { get; set; }
        public bool Over { get; set; }
        public bool Held { get; set; }
        public string? Consult { get; set; }
        public bool ConsultUp { get; set; }
        public bool AnswerPressed { get; set; }
        /// <summary>False once the call went to a colleague (the colleague gives the result).</summary>
        public bool ResultIsTheAgents { get; set; } = true;
        public DeskResult? LastSaved { get; set; }
        public DeskResult? Stored { get; set; }
        public int Closes { get; set; }
        public DeskResult? Recorded { get; set; }
        public bool CustomerCall => Kind != DeskCallKind.Internal;
    }

    private static readonly DeskResult[] Results =
    [
        new("promise_to_pay", new CallbackRequest(Instant.FromUtc(2026, 12, 2, 1, 0), true)),
        new("refused"),
        new("callback", new CallbackRequest(Instant.FromUtc(2026, 12, 3, 6, 30), false)),
    ];

    private static readonly DeskAction[] ControlActions =
        [DeskAction.Hold, DeskAction.Retrieve, DeskAction.Transfer, DeskAction.Consult, DeskAction.CompleteTransfer, DeskAction.Conference, DeskAction.CancelConsult];

    private readonly Queue<DeskInput> _answers = new(); // the world's answers to effects, delivered in order
    private int _results;

    public DeskMachine Desk { get; private set; } = DeskMachine.SignedOut;
    public ModelCall? Call { get; private set; }
    public List<ModelCall> Calls { get; } = [];
    public List<string> Trace { get; } = [];
    private bool _wrapUpRunning, _countdownRunning;

    /// <summary>One random move: an agent action (any button, allowed or not) or something the world may do now.</summary>
    public void Step(int choice)
    {
        var options = new List<DeskInput>
        {
            new DeskInput.SignIn(HasPhone: choice % 7 != 0), new DeskInput.SignOut(), new DeskInput.GoReady(), new DeskInput.GoNotReady("break"),
            new DeskInput.Dial(), new DeskInput.Skip(), new DeskInput.HangUp(), new DeskInput.Answer(), new DeskInput.SaveResult(NextResult()),
        };
        options.AddRange(ControlActions.Select(a => new DeskInput.Control(a)));
        options.AddRange(Happenings());
        if (_answers.Count > 0) options.AddRange(Enumerable.Repeat<DeskInput>(_answers.Peek(), 4)); // answers come soon
        var input = options[choice % options.Count];
        if (_answers.Count > 0 && ReferenceEquals(input, _answers.Peek())) _answers.Dequeue();
        Feed(input);
    }

    /// <summary>What may happen on its own now: offers, answers, hang-ups, consults answering or failing, deadlines, a phone dropping.</summary>
    private IEnumerable<DeskInput> Happenings()
    {
        if (Desk.State == DeskState.SignedOut) yield break;
        yield return new DeskInput.PhoneLost();
        if (Call is null)
        {
            foreach (var kind in Enum.GetValues<DeskCallKind>()) yield return new DeskInput.Offered(kind);
            yield return new DeskInput.Offered(DeskCallKind.Internal, Incoming: true);
            yield break;
        }
        var call = Call;
        if (call.Kind == DeskCallKind.Internal)
        {
            if (!call.Answered && (call.DialRequested || call.AnswerPressed)) yield return new DeskInput.Connected();
            yield return new DeskInput.Ended(); // declined, unanswered, cancelled or hung up by the colleague
            yield break;
        }
        if (call.DialRequested && !call.Exists && !call.Over)
        {
            yield return new DeskInput.Placed();
            yield return new DeskInput.Released(); // refused by compliance at the last check
        }
        if (call.Exists && !call.Answered && !call.Over)
        {
            yield return new DeskInput.Connected();
            yield return new DeskInput.Released(); // no answer, busy, abandoned before an agent took it
        }
        if (call.Answered && !call.Over)
        {
            yield return new DeskInput.Ended(); // the customer hangs up
            if (call.Consult is not null && !call.ConsultUp)
            {
                yield return new DeskInput.StatusChanged(call.Held, call.Consult, ConsultUp: true, Conference: false);
                yield return new DeskInput.StatusChanged(Held: false, null, false, false); // the target failed: customer back
            }
        }
        if (_wrapUpRunning && Desk.State == DeskState.AfterCallWork) yield return new DeskInput.WrapUpExpired();
        if (_countdownRunning && Desk.State == DeskState.Reserved && call.Kind == DeskCallKind.Preview) yield return new DeskInput.PreviewCountdownExpired();
    }

    private DeskResult NextResult() => Results[_results++ % Results.Length];

    public void Feed(DeskInput input)
    {
        var before = Desk;
        var step = Desk.Apply(input);
        Trace.Add($"{before.State} + {input} -> {(step.Accepted ? step.Machine.State.ToString() : "refused " + step.Refusal)}");
        if (!step.Accepted)
        {
            Assert.Equal(before, step.Machine);
            Assert.Empty(step.Effects);
            return;
        }
        Desk = step.Machine;
        Note(input);
        foreach (var effect in step.Effects) Answer(effect);
        if (Desk.Call is null) Call = null;
        CheckButtons();
    }

    /// <summary>The world's side of an input the desk took.</summary>
    private void Note(DeskInput input)
    {
        switch (input)
        {
            case DeskInput.Offered o:
                Call = new ModelCall(Calls.Count + 1, o.Kind)
                {
                    Exists = o.Kind is DeskCallKind.Live or DeskCallKind.Internal,
                    DialRequested = o.Kind == DeskCallKind.Manual || (o.Kind == DeskCallKind.Internal && !o.Incoming),
                };
                Calls.Add(Call);
                break;
            case DeskInput.Placed:
                Call!.Exists = true;
                break;
            case DeskInput.Connected:
                Call!.Answered = true;
                break;
            case DeskInput.SaveResult s:
                Call!.LastSaved = s.Result;
                break;
            case DeskInput.Ended e:
                Call!.Over = true;
                if (!e.ResultExpected) Call.ResultIsTheAgents = false;
                break;
            case DeskInput.Released:
                Call!.Over = true;
                break;
            case DeskInput.Control c:
                Control(Call!, c.Action);
                break;
            case DeskInput.StatusChanged s:
                (Call!.Held, Call.Consult, Call.ConsultUp) = (s.Held, s.ConsultWith, s.ConsultUp);
                break;
        }
    }

    /// <summary>A control the desk let through reaches the call, which reports its new status (or hands the customer over).</summary>
    private void Control(ModelCall call, DeskAction action)
    {
        var consultee = "colleague";
        _answers.Enqueue(action switch
        {
            DeskAction.Hold => new DeskInput.StatusChanged(true, null, false, false),
            DeskAction.Retrieve or DeskAction.CancelConsult => new DeskInput.StatusChanged(false, null, false, false),
            DeskAction.Transfer or DeskAction.Consult => new DeskInput.StatusChanged(true, consultee, false, false),
            DeskAction.Conference => new DeskInput.StatusChanged(false, call.Consult, true, true),
            DeskAction.CompleteTransfer => new DeskInput.Ended(ResultExpected: false),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });
    }

    private void Answer(DeskEffect effect)
    {
        var call = Call;
        switch (effect)
        {
            case DeskEffect.DialLead:
                call!.DialRequested = true;
                _countdownRunning = false;
                break;
            case DeskEffect.SkipLead:
                _countdownRunning = false;
                break;
            case DeskEffect.StartPreviewCountdown:
                _countdownRunning = true;
                break;
            case DeskEffect.HangUpCall:
                Assert.True(call is { Exists: true }, "hang-up of a call that does not exist yet");
                if (!call!.Over) _answers.Enqueue(call.Answered ? new DeskInput.Ended() : new DeskInput.Released());
                break;
            case DeskEffect.AnswerInternal:
                call!.AnswerPressed = true;
                _answers.Enqueue(new DeskInput.Connected());
                break;
            case DeskEffect.LeaveInternal:
                _answers.Enqueue(new DeskInput.Ended());
                break;
            case DeskEffect.StoreResult s:
                Assert.True(call is { Answered: true, CustomerCall: true }, "a result stored on a call not answered");
                call!.Stored = s.Result;
                break;
            case DeskEffect.CloseCall c:
                Assert.True(call is { Answered: true, CustomerCall: true }, "a call closed that was never answered");
                Assert.Equal(call!.LastSaved, c.Result); // the last result saved, whenever it was saved
                call.Closes++;
                call.Recorded = c.Result ?? call.Stored;
                break;
            case DeskEffect.StartWrapUp:
                _wrapUpRunning = true;
                break;
            case DeskEffect.StopWrapUp:
                _wrapUpRunning = false;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, null);
        }
    }

    /// <summary>Every button the desk shows does what it says, except ready without a phone, which says why.</summary>
    private void CheckButtons()
    {
        var actions = Desk.Actions;
        Assert.False(actions.Contains(DeskAction.Hold) && actions.Contains(DeskAction.Retrieve), "hold and retrieve offered together");
        if (Desk.State == DeskState.SignedOut) Assert.Equal([DeskAction.SignIn], actions);
        // A result saved at any time, during the call or after it, lets the agent close after-call work.
        if (Desk.State == DeskState.AfterCallWork)
            Assert.Equal(Call!.LastSaved is not null || !Call.ResultIsTheAgents, actions.Contains(DeskAction.Ready));
        foreach (var action in actions)
        {
            if (InputFor(action) is not { } input) continue;
            var step = Desk.Apply(input);
            Assert.True(step.Accepted || (action == DeskAction.Ready && step.Refusal == DeskRefusal.NoPhone),
                $"{action} shown in {Desk.State} but refused: {step.Refusal}");
        }
    }

    private DeskInput? InputFor(DeskAction action) => action switch
    {
        DeskAction.SignIn => new DeskInput.SignIn(true),
        DeskAction.SignOut => new DeskInput.SignOut(),
        DeskAction.Ready => new DeskInput.GoReady(),
        DeskAction.NotReady => new DeskInput.GoNotReady("break"),
        DeskAction.Dial => new DeskInput.Dial(),
        DeskAction.Skip => new DeskInput.Skip(),
        DeskAction.HangUp => new DeskInput.HangUp(),
        DeskAction.Answer => new DeskInput.Answer(),
        DeskAction.SaveResult => new DeskInput.SaveResult(Results[0]),
        DeskAction.ManualDial or DeskAction.CallColleague => null, // the campaign or the colleague decides: an offer follows
        _ => new DeskInput.Control(action),
    };

    /// <summary>
    /// A diligent agent, using only the buttons the desk shows, gets back to ready: no supervisor, only what the world
    /// does on its own meanwhile (a call it was told to end ends, a reserved live answer is put through). True when it got there.
    /// </summary>
    public bool Recover(int maxSteps = 40)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (_answers.Count > 0)
            {
                Feed(_answers.Dequeue());
                continue;
            }
            if (Desk.State == DeskState.Ready) return true;
            var (action, happening) = NextRecoveryMove();
            if (happening is not null)
            {
                Feed(happening);
                continue;
            }
            Assert.True(Desk.Actions.Contains(action!.Value), $"the way back needs {action} but {Desk.State} does not show it");
            var input = action == DeskAction.SaveResult ? new DeskInput.SaveResult(NextResult()) : InputFor(action.Value)!;
            var before = Desk;
            Feed(input);
            Assert.True(!Equals(before, Desk) || _answers.Count > 0, $"{action} in {before.State} did nothing");
        }
        return Desk.State == DeskState.Ready;
    }

    private (DeskAction? Action, DeskInput? Happening) NextRecoveryMove()
    {
        var call = Desk.Call;
        return Desk.State switch
        {
            DeskState.SignedOut => (DeskAction.SignIn, null),
            DeskState.NotReady => (Desk.HasPhone ? DeskAction.Ready : DeskAction.SignOut, null),
            DeskState.Reserved when call!.Kind == DeskCallKind.Preview => (DeskAction.Skip, null),
            DeskState.Reserved => (null, new DeskInput.Connected()), // the live answer is put through
            DeskState.Ringing when !call!.HangUpAsked && call.Kind != DeskCallKind.Internal => (DeskAction.HangUp, null),
            DeskState.Ringing when call!.Kind == DeskCallKind.Internal => (DeskAction.HangUp, null),
            DeskState.Ringing => (null, new DeskInput.Placed()), // the campaign places the dialled lead, and it is hung up at once
            DeskState.Talking or DeskState.Held => (DeskAction.HangUp, null),
            DeskState.Consulting => (DeskAction.CancelConsult, null),
            DeskState.AfterCallWork when Call!.LastSaved is null && Call.ResultIsTheAgents => (DeskAction.SaveResult, null),
            DeskState.AfterCallWork => (Desk.HasPhone ? DeskAction.Ready : DeskAction.SignOut, null),
            _ => throw new InvalidOperationException($"no way back from {Desk.State}"),
        };
    }

    /// <summary>Every answered customer call was closed exactly once, with the last result its agent saved, and that result is never missing.</summary>
    public void CheckResults()
    {
        foreach (var call in Calls.Where(c => c.CustomerCall))
        {
            if (!call.Answered)
            {
                Assert.Equal(0, call.Closes);
                continue;
            }
            Assert.True(call.Closes == 1, $"call {call.Id} closed {call.Closes} times");
            if (!call.ResultIsTheAgents) continue;
            Assert.NotNull(call.Recorded);
            Assert.Equal(call.LastSaved, call.Recorded);
        }
    }

    public string Describe() => string.Join("\n", Trace.TakeLast(30));
}
