using Akka.Actor;
using Akka.Event;
using Outbound.Data.Dialing;
using Outbound.Dialer.Calls;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Agents;

/// <summary>
/// One internal call, a child of the caller's session: offers the call to the colleague's session, plays ringback to
/// the caller's phone meanwhile, joins the two nailed-up phones in a mix room of their own once answered, and on any
/// end (hang-up, decline, no answer, a session gone) frees the room or stops the ringback, tells both sessions and
/// writes the call to <c>internal_calls</c>.
/// </summary>
public sealed class InternalCallActor : ReceiveActor, IWithTimers
{
    private sealed record RingTimedOut;

    private readonly string _callerId;
    private readonly IActorRef _callerSession;
    private readonly CallLegId _callerPhone;
    private readonly string _calleeId;
    private readonly IActorRef _calleeSession;
    private readonly DialerServices _services;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _room = "internal-" + Guid.NewGuid().ToString("N");
    private readonly DateTimeOffset _placedAt;
    private CallLegId? _calleePhone;
    private DateTimeOffset? _answeredAt;
    private bool _over;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string callerId, CallLegId callerPhone, string calleeId, IActorRef calleeSession, DialerServices services) =>
        Akka.Actor.Props.Create(() => new InternalCallActor(callerId, callerPhone, calleeId, calleeSession, services));

    public InternalCallActor(string callerId, CallLegId callerPhone, string calleeId, IActorRef calleeSession, DialerServices services)
    {
        _callerId = callerId;
        _callerSession = Context.Parent;
        _callerPhone = callerPhone;
        _calleeId = calleeId;
        _calleeSession = calleeSession;
        _services = services;
        _placedAt = services.Time.GetUtcNow();

        Receive<InternalCallProtocol.Ringing>(r => _calleePhone = r.Phone);
        ReceiveAsync<InternalCallProtocol.Busy>(_ => EndAsync(InternalCallOutcome.Busy));
        ReceiveAsync<InternalCallProtocol.Answered>(_ => ConnectAsync());
        ReceiveAsync<InternalCallProtocol.Leave>(l => EndAsync(l.Outcome));
        ReceiveAsync<RingTimedOut>(_ => _answeredAt is null ? EndAsync(InternalCallOutcome.NoAnswer) : Task.CompletedTask);
        ReceiveAsync<Terminated>(_ => EndAsync(_answeredAt is null ? InternalCallOutcome.Cancelled : InternalCallOutcome.Completed));
    }

    protected override void PreStart()
    {
        Context.Watch(_calleeSession);
        _calleeSession.Tell(new InternalCallProtocol.Offer(Self, _callerId));
        // The colleague's desk rings, not its phone (phones are nailed up): the caller hears ringback until the answer joins them.
        _ = _services.Telephony.TryAsync(t => t.HoldAsync(_callerPhone, ProgressTones.Ringback), _log, _callerPhone);
        Timers.StartSingleTimer(nameof(RingTimedOut), new RingTimedOut(), _services.Options.InternalRingTimeout);
    }

    /// <summary>The caller's session stopped (and this child with it): the colleague must not stay reserved.</summary>
    protected override void PostStop()
    {
        if (_over) return;
        _calleeSession.Tell(new InternalCallProtocol.Over(Self, InternalCallOutcome.Cancelled));
        _ = ReleasePhonesAsync();
    }

    /// <summary>Takes the phones out of the call: dissolves the mix once answered, else stops the caller's ringback.</summary>
    private Task ReleasePhonesAsync() => _answeredAt is not null
        ? _services.Telephony.TryAsync(t => t.MixAsync(_room, []), _log, _room)
        : _services.Telephony.TryAsync(t => t.RetrieveAsync(_callerPhone), _log, _callerPhone);

    private async Task ConnectAsync()
    {
        if (_over || _answeredAt is not null || _calleePhone is not { } callee) return;
        Timers.Cancel(nameof(RingTimedOut));
        try
        {
            await _services.Telephony.MixAsync(_room, [new MixPart(_callerPhone), new MixPart(callee)]);
        }
        catch (Exception e)
        {
            _log.Warning("Internal call {0} → {1} not connected: {2}", _callerId, _calleeId, e.Message);
            await EndAsync(InternalCallOutcome.Failed);
            return;
        }
        _answeredAt = _services.Time.GetUtcNow();
        var connected = new InternalCallProtocol.Connected(Self);
        _callerSession.Tell(connected);
        _calleeSession.Tell(connected);
    }

    private async Task EndAsync(string outcome)
    {
        if (_over) return;
        _over = true;
        Timers.CancelAll();
        await ReleasePhonesAsync();
        var over = new InternalCallProtocol.Over(Self, outcome);
        _callerSession.Tell(over);
        _calleeSession.Tell(over);
        _services.Records.Append(new InternalCallRecorded(Guid.CreateVersion7(),
            new InternalCallRecord(_callerId, _calleeId, _placedAt, _answeredAt, _services.Time.GetUtcNow(), outcome)));
        Context.Stop(Self);
    }
}
