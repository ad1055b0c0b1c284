using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// One outbound call leg as UAC (RFC 3261 §13.2): sends the INVITE with an SDP offer, reports ringing and early
/// media (183 with SDP), answers digest challenges once (§22.2), CANCELs when the ring timeout passes (§9.1, only
/// after a provisional), ACKs the 2xx (§13.2.2.4) and then owns the dialog: BYE, hold/resume re-INVITE, INFO.
/// </summary>
public sealed class SipOutboundCall : ISipDialogUser
{
    private readonly SipStack _stack;
    private readonly SipOriginateRequest _request;
    private readonly TaskCompletionSource<CallSetupResult> _setup = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly string _callId = SipIds.CallId();
    private readonly string _fromTag = SipIds.Tag();
    private readonly DateTimeOffset _started;
    private SipRequest _invite;
    private bool _authTried;
    private bool _provisionalSeen;
    private bool _cancelWanted;
    private bool _cancelSent;
    private SipRequest? _ack;
    private ITimer? _ringTimer;
    private ITimer? _cancelTimer;
    private ClientInviteTransaction? _transaction;

    private SipOutboundCall(SipStack stack, SipOriginateRequest request)
    {
        _stack = stack;
        _request = request;
        _started = stack.Time.GetUtcNow();
        _invite = BuildInvite(1);
    }

    /// <summary>180/183 and other provisional responses: status and the early-media SDP if any.</summary>
    public event Action<int, string?>? Progress;

    /// <summary>INFO requests from the peer (RFC 6086), e.g. DTMF as application/dtmf-relay.</summary>
    public event Action<SipRequest>? InfoReceived;

    public Task<CallSetupResult> Setup => _setup.Task;
    /// <summary>Completes with "local" or "remote" when the answered call ends.</summary>
    public Task<string> Ended => _ended.Task;
    public SipDialog? Dialog { get; private set; }
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
            .Add(SipHeaderNames.MaxForwards, "70")
            .Add(SipHeaderNames.From, _request.CallerId.WithTag(_fromTag).ToString())
            .Add(SipHeaderNames.To, NameAddress.For(_request.Target.WithoutParameters()).ToString())
            .Add(SipHeaderNames.CallId, _callId)
            .Add(SipHeaderNames.CSeq, new CSeqHeader(seq, SipMethods.Invite).ToString())
            .Add(SipHeaderNames.Contact, NameAddress.For(_stack.ContactUri(_request.CallerId.Uri.User, _request.NextHop.Transport)).ToString())
            .Add(SipHeaderNames.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO");
        if (_request.SdpOffer is { } sdp) invite.SetBody("application/sdp", sdp);
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
        if (response.StatusCode is 401 or 407 && _request.Credentials is { } credentials)
        {
            lock (_gate)
            {
                if (!_authTried && !_cancelWanted)
                {
                    _authTried = true;
                    var retry = BuildInvite(invite.CSeq.Number + 1);
                    if (new DigestClient(credentials).TryAuthorize(response, retry))
                    {
                        _invite = retry;
                        _provisionalSeen = false;
                        SendInvite();
                        return;
                    }
                }
            }
        }
        var outcome = CallOutcomeMap.FromStatus(response.StatusCode);
        if (outcome == CallOutcome.Cancelled && _cancelWanted) outcome = CallOutcome.NoAnswer;   // our own ring timeout
        Finish(outcome, response.StatusCode, response.RetryAfter is { } s ? TimeSpan.FromSeconds(s) : null, null);
    }

    private void OnAnswered(SipRequest invite, SipResponse response)
    {
        SipDialog dialog;
        lock (_gate)
        {
            if (Dialog is null)
            {
                Dialog = SipDialog.FromResponse(invite, response, _request.NextHop);
                _ack = Dialog.CreateAck(invite.CSeq.Number, _stack.NewVia(_request.NextHop.Transport), _stack.ContactUri(null));
                _stack.AddDialog(Dialog.Id, this);
            }
            dialog = Dialog;
        }
        _stack.SendStateless(_ack!, dialog.NextHop());
        if (_cancelWanted && !_setup.Task.IsCompleted)
        {
            // The 2xx crossed our CANCEL (§9.1): the call is up, so end it with BYE.
            Finish(CallOutcome.NoAnswer, response.StatusCode, null, null);
            _ = HangupAsync();
            return;
        }
        Finish(CallOutcome.Answered, response.StatusCode, null, response.Body.Length > 0 ? response.BodyText : null);
    }

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
    public async Task HangupAsync()
    {
        if (Dialog is not { } dialog) return;
        _ended.TrySetResult("local");
        await SendInDialogAsync(SipMethods.Bye, null, null);
        _stack.RemoveDialog(dialog.Id);
    }

    /// <summary>re-INVITE with the same offer rewritten to <paramref name="direction"/> (sendonly/inactive hold, sendrecv resume).</summary>
    public Task<SipResponse?> ChangeDirectionAsync(MediaDirection direction) =>
        SendInDialogAsync(SipMethods.Invite, "application/sdp", MediaDirectionSdp.Apply(_request.SdpOffer ?? string.Empty, direction));

    /// <summary>INFO in the dialog (RFC 6086), e.g. application/dtmf-relay.</summary>
    public Task<SipResponse?> SendInfoAsync(string contentType, string body) => SendInDialogAsync(SipMethods.Info, contentType, body);

    private Task<SipResponse?> SendInDialogAsync(string method, string? contentType, string? body) =>
        Dialog is { } dialog ? InDialogClient.SendAsync(_stack, dialog, method, contentType, body) : Task.FromResult<SipResponse?>(null);

    void ISipDialogUser.OnRequest(IncomingRequest request) => InDialogRequests.Handle(_stack, Dialog!, request, () =>
    {
        _ended.TrySetResult("remote");
        _stack.RemoveDialog(Dialog!.Id);
    }, () => _request.SdpOffer, info => InfoReceived?.Invoke(info));

    void ISipDialogUser.OnAck(SipRequest ack) { }

    void ISipDialogUser.OnRetransmitted2xx(SipResponse response)
    {
        if (_ack is not null && Dialog is { } dialog) _stack.SendStateless(_ack, dialog.NextHop());
    }
}
