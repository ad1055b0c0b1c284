using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// One outbound call leg as UAC (RFC 3261 §13.2): sends the INVITE with an SDP offer and a session timer (RFC 4028
/// §7.1), reports ringing and early media (183 with SDP), answers digest challenges once (§22.2) and a 422 by asking
/// for the peer's Min-SE (RFC 4028 §7.4), CANCELs when the ring timeout passes (§9.1, only after a provisional), ACKs
/// the 2xx (§13.2.2.4) and then hands the dialog to its <see cref="Session"/>: BYE, hold/resume re-INVITE, INFO,
/// session refreshes.
/// </summary>
public sealed class SipOutboundCall
{
    private readonly SipStack _stack;
    private readonly SipOriginateRequest _request;
    private readonly TaskCompletionSource<CallSetupResult> _setup = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipCallEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly string _callId = SipIds.CallId();
    private readonly string _fromTag = SipIds.Tag();
    private readonly DateTimeOffset _started;
    private SipRequest _invite;
    private TimeSpan _sessionExpires;
    private bool _authTried;
    private int _tooSmallRetries;
    private bool _provisionalSeen;
    private bool _cancelWanted;
    private bool _cancelSent;
    private ITimer? _ringTimer;
    private ITimer? _cancelTimer;
    private ClientInviteTransaction? _transaction;

    private SipOutboundCall(SipStack stack, SipOriginateRequest request)
    {
        _stack = stack;
        _request = request;
        _started = stack.Time.GetUtcNow();
        _sessionExpires = stack.SessionTimers.SessionExpires;
        _invite = BuildInvite(1);
    }

    /// <summary>180/183 and other provisional responses: status and the early-media SDP if any.</summary>
    public event Action<int, string?>? Progress;

    /// <summary>INFO requests from the peer (RFC 6086), e.g. DTMF as application/dtmf-relay.</summary>
    public event Action<SipRequest>? InfoReceived;

    public Task<CallSetupResult> Setup => _setup.Task;
    /// <summary>Completes when the answered call ends, with how it ended.</summary>
    public Task<SipCallEnd> Ended => _ended.Task;
    public SipDialog? Dialog => Session?.Dialog;
    /// <summary>The established call, once answered.</summary>
    public SipCallSession? Session { get; private set; }
    public string CallId => _callId;

    public static SipOutboundCall Start(SipStack stack, SipOriginateRequest request, Action<int, string?>? progress = null)
    {
        var call = new SipOutboundCall(stack, request);
        if (progress is not null) call.Progress += progress;
        call.SendInvite();
        call._ringTimer = stack.Time.CreateTimer(_ => call.Cancel(), null, request.RingTimeout, Timeout.InfiniteTimeSpan);
        return call;
    }

    private SipRequest BuildInvite(long seq)
    {
        var invite = new SipRequest { Method = SipMethods.Invite, Uri = _request.Target };
        invite.Headers.Add(SipHeaderNames.Via, _stack.NewVia(_request.NextHop.Transport))
            .Add(SipHeaderNames.MaxForwards, _request.MaxForwards.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(SipHeaderNames.From, _request.CallerId.WithTag(_fromTag).ToString())
            .Add(SipHeaderNames.To, NameAddress.For(_request.Target.WithoutParameters()).ToString())
            .Add(SipHeaderNames.CallId, _callId)
            .Add(SipHeaderNames.CSeq, new CSeqHeader(seq, SipMethods.Invite).ToString())
            .Add(SipHeaderNames.Contact, NameAddress.For(_stack.ContactUri(_request.CallerId.Uri.User, _request.NextHop.Transport)).ToString());
        _stack.Capabilities.AddAllow(invite.Headers);
        SessionTimerNegotiation.AddToRequest(invite, _stack.SessionTimers, _sessionExpires);
        if (_request.SdpOffer is { } sdp) invite.SetBody(SdpBody.ContentType, sdp);
        return invite;
    }

    private void SendInvite()
    {
        var invite = _invite;
        _transaction = _stack.Transactions.StartInvite(invite, _request.NextHop, r => OnResponse(invite, r), OnTransactionError);
    }

    /// <summary>Gives up ringing: CANCEL now if a provisional came, else as soon as one does (§9.1).</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_setup.Task.IsCompleted || _cancelWanted) return;
            _cancelWanted = true;
            if (_provisionalSeen) SendCancel();
        }
    }

    private void SendCancel()
    {
        if (_cancelSent) return;
        _cancelSent = true;
        var cancel = new SipRequest { Method = SipMethods.Cancel, Uri = _invite.Uri };
        cancel.Headers.Add(SipHeaderNames.Via, _invite.Headers[SipHeaderNames.Via]!);
        foreach (var route in _invite.Headers.GetAll(SipHeaderNames.Route)) cancel.Headers.Add(SipHeaderNames.Route, route);
        cancel.Headers.Add(SipHeaderNames.MaxForwards, "70")
            .Add(SipHeaderNames.From, _invite.Headers[SipHeaderNames.From]!)
            .Add(SipHeaderNames.To, _invite.Headers[SipHeaderNames.To]!)
            .Add(SipHeaderNames.CallId, _callId)
            .Add(SipHeaderNames.CSeq, new CSeqHeader(_invite.CSeq.Number, SipMethods.Cancel).ToString());
        _stack.Transactions.StartNonInvite(cancel, _request.NextHop, _ => { }, _ => { });
        // §9.1: no final response 64·T1 after the CANCEL — stop waiting for the INVITE.
        var transaction = _transaction;
        _cancelTimer = _stack.Time.CreateTimer(_ => transaction?.Abandon(), null, _stack.Transactions.Timers.Timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnResponse(SipRequest invite, SipResponse response)
    {
        if (response.IsProvisional)
        {
            lock (_gate)
            {
                _provisionalSeen = true;
                if (_cancelWanted) SendCancel();
            }
            if (response.StatusCode > 100) Progress?.Invoke(response.StatusCode, response.Body.Length > 0 ? response.BodyText : null);
            return;
        }
        if (response.IsSuccess)
        {
            OnAnswered(invite, response);
            return;
        }
        if (TryAgain(invite, response)) return;
        var outcome = CallOutcomeMap.FromStatus(response.StatusCode);
        if (outcome == CallOutcome.Cancelled && _cancelWanted) outcome = CallOutcome.NoAnswer;   // our own ring timeout
        Finish(outcome, response.StatusCode, response.RetryAfter is { } s ? TimeSpan.FromSeconds(s) : null, null);
    }

    /// <summary>A new INVITE (next CSeq) for a digest challenge (once, §22.2) or a 422 (twice, RFC 4028 §7.4).</summary>
    private bool TryAgain(SipRequest invite, SipResponse response)
    {
        lock (_gate)
        {
            if (_cancelWanted) return false;
            SipRequest retry;
            if (response.StatusCode is 401 or 407 && _request.Credentials is { } credentials && !_authTried)
            {
                _authTried = true;
                retry = BuildInvite(invite.CSeq.Number + 1);
                if (!new DigestClient(credentials).TryAuthorize(response, retry)) return false;
            }
            else if (response.StatusCode == 422 && _tooSmallRetries++ < 2)
            {
                _sessionExpires = SessionTimerNegotiation.RetryAfterTooSmall(response, _sessionExpires);
                retry = BuildInvite(invite.CSeq.Number + 1);
                // Keep the credentials a challenge earned.
                foreach (var name in new[] { SipHeaderNames.Authorization, SipHeaderNames.ProxyAuthorization })
                foreach (var value in invite.Headers.GetAll(name)) retry.Headers.Add(name, value);
            }
            else return false;
            _invite = retry;
            _provisionalSeen = false;
            SendInvite();
            return true;
        }
    }

    private void OnAnswered(SipRequest invite, SipResponse response)
    {
        SipCallSession session;
        bool first;
        lock (_gate)
        {
            first = Session is null;
            if (first)
            {
                var dialog = SipDialog.FromResponse(invite, response, _request.NextHop);
                Session = new SipCallSession(_stack, dialog, _request.SdpOffer, response.Body.Length > 0 ? response.BodyText : null);
                Session.InfoReceived += info => InfoReceived?.Invoke(info);
                Session.AckSent(dialog.CreateAck(invite.CSeq.Number, _stack.NewVia(_request.NextHop.Transport), _stack.ContactUri(null)));
                Session.Start(SessionTimerNegotiation.ReadResponse(response, _stack.SessionTimers, _sessionExpires));
                _ = FollowAsync(Session);
            }
            session = Session!;
        }
        ((ISipDialogUser)session).OnRetransmitted2xx(response);   // sends (or re-sends) the ACK
        if (!first) return;
        if (_cancelWanted && !_setup.Task.IsCompleted)
        {
            // The 2xx crossed our CANCEL (§9.1): the call is up, so end it with BYE.
            Finish(CallOutcome.NoAnswer, response.StatusCode, null, null);
            _ = session.HangupAsync();
            return;
        }
        Finish(CallOutcome.Answered, response.StatusCode, null, response.Body.Length > 0 ? response.BodyText : null);
    }

    private async Task FollowAsync(SipCallSession session) => _ended.TrySetResult(await session.Ended);

    private void OnTransactionError(SipTransactionError error)
    {
        Finish(_cancelWanted && _provisionalSeen ? CallOutcome.NoAnswer : CallOutcome.TrunkDown, 0, null, null);
    }

    private void Finish(CallOutcome outcome, int status, TimeSpan? retryAfter, string? sdp)
    {
        _ringTimer?.Dispose();
        _cancelTimer?.Dispose();
        _setup.TrySetResult(new CallSetupResult(outcome, status, retryAfter, sdp, outcome == CallOutcome.Answered ? Dialog : null,
            _stack.Time.GetUtcNow() - _started));
    }

    /// <summary>Sends BYE and waits for its response (or the transaction timeout).</summary>
    public Task HangupAsync(SipCallEnd why = SipCallEnd.Local) => Session?.HangupAsync(why) ?? Task.CompletedTask;

    /// <summary>re-INVITE with our offer at <paramref name="direction"/> (sendonly/inactive hold, sendrecv resume).</summary>
    public Task<SipResponse?> ChangeDirectionAsync(MediaDirection direction) =>
        Session?.ChangeDirectionAsync(direction) ?? Task.FromResult<SipResponse?>(null);

    /// <summary>INFO in the dialog (RFC 6086), e.g. application/dtmf-relay.</summary>
    public Task<SipResponse?> SendInfoAsync(string contentType, string body) =>
        Session?.SendInfoAsync(contentType, body) ?? Task.FromResult<SipResponse?>(null);
}
