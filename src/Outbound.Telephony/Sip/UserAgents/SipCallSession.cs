using Microsoft.Extensions.Logging;
using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// The established part of a call, the same from either side of the dialog (RFC 3261 §12–§15, RFC 4028):
/// <list type="bullet">
/// <item>a 2xx to an INVITE (the first or a re-INVITE) is retransmitted, T1 doubling to T2, until its ACK, and the call
/// is ended with BYE when none comes in 64·T1 (§13.3.1.4);</item>
/// <item>re-INVITEs and UPDATEs are answered (§14.2): 491 when our own re-INVITE is in flight, 500 with Retry-After when
/// another of theirs is unanswered; an offer whose SDP changed goes to <see cref="OfferReceived"/> (a B2BUA forwards it
/// to its other leg) or is answered from our description with the directions mirrored; a re-sent description (a
/// refresh) gets ours back unchanged; each answer keeps the o= versioning of RFC 3264 §8;</item>
/// <item>the session timer: whoever is refresher re-INVITEs at half the interval; a session not refreshed in time, or a
/// refresh answered 408/481 or not at all, is ended with BYE as <see cref="SipCallEnd.SessionExpired"/>;</item>
/// <item>BYE either way, INFO, OPTIONS; other methods get 405 with Allow; requests out of CSeq order 500 (§12.2.2).</item>
/// </list>
/// </summary>
public sealed class SipCallSession : ISipDialogUser
{
    private readonly SipStack _stack;
    private readonly LocalSdp _local;
    private readonly TaskCompletionSource<SipCallEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _outgoing = new(1, 1);
    private readonly Lock _gate = new();
    private SessionTimerTerms? _terms;
    private ITimer? _sessionTimer;
    private Pending2xx? _pending;
    private SipRequest? _lastAck;
    private bool _reinviteOut;
    private long? _reinviteIn;
    private string? _remoteSdp;

    internal SipCallSession(SipStack stack, SipDialog dialog, string? localSdp, string? remoteSdp)
    {
        _stack = stack;
        Dialog = dialog;
        _local = new LocalSdp(localSdp);
        _remoteSdp = remoteSdp;
    }

    public SipDialog Dialog { get; }
    /// <summary>The description we last sent.</summary>
    public string? LocalSdp => _local.Current;
    /// <summary>The description the peer last sent.</summary>
    public string? RemoteSdp
    {
        get { lock (_gate) return _remoteSdp; }
    }
    public Task<SipCallEnd> Ended => _ended.Task;
    /// <summary>True once the ACK for our 2xx to the INVITE came; false when the call ended first. Only for the answering side.</summary>
    public Task<bool> Acknowledged => _acknowledged.Task;
    /// <summary>The session interval and who refreshes, when a session timer runs.</summary>
    public SessionTimerTerms? SessionTimer
    {
        get { lock (_gate) return _terms; }
    }

    /// <summary>INFO requests from the peer (RFC 6086), e.g. DTMF as application/dtmf-relay.</summary>
    public event Action<SipRequest>? InfoReceived;

    /// <summary>An offer with a changed description from the peer; unset, it is answered from ours.</summary>
    public Func<string, Task<OfferAnswer>>? OfferReceived { get; set; }

    /// <summary>Takes the dialog's requests from now on and starts the session timer.</summary>
    internal void Start(SessionTimerTerms? terms)
    {
        _stack.AddDialog(Dialog, this);
        Arm(terms);
    }

    /// <summary>The answering side: keeps sending <paramref name="ok"/> (to the INVITE with CSeq <paramref name="cseq"/>) until its ACK.</summary>
    internal void AwaitAck(SipResponse ok, long cseq, SipEndPoint to)
    {
        var timers = _stack.Transactions.Timers;
        lock (_gate)
        {
            _pending?.Timer.Dispose();
            var timer = _stack.Time.CreateTimer(_ => Retransmit(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _pending = new Pending2xx(ok, cseq, to, timer, _stack.Time.GetTimestamp()) { Interval = timers.T1 };
            timer.Change(to.IsReliable ? timers.Timeout : timers.T1, Timeout.InfiniteTimeSpan);
        }
    }

    private void Retransmit()
    {
        var timers = _stack.Transactions.Timers;
        lock (_gate)
        {
            if (_pending is not { } pending || _ended.Task.IsCompleted) return;
            if (_stack.Time.GetElapsedTime(pending.Since) >= timers.Timeout)
            {
                pending.Timer.Dispose();
                _pending = null;
                _stack.Logger.LogInformation("SIP call {CallId}: no ACK for our 2xx in {Timeout}; ending it", Dialog.CallId, timers.Timeout);
                _ = HangupAsync(SipCallEnd.NoAck);
                return;
            }
            _stack.SendStateless(pending.Response, pending.To);
            pending.Interval = pending.Interval * 2 < timers.T2 ? pending.Interval * 2 : timers.T2;
            var left = timers.Timeout - _stack.Time.GetElapsedTime(pending.Since);
            pending.Timer.Change(pending.Interval < left ? pending.Interval : left, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The calling side: the ACK we sent for the 2xx, re-sent when the 2xx is retransmitted.</summary>
    internal void AckSent(SipRequest ack)
    {
        lock (_gate) _lastAck = ack;
    }

    /// <summary>Hold or resume from our side: a re-INVITE with our description at <paramref name="direction"/> (RFC 3264 §8.4).</summary>
    public Task<SipResponse?> ChangeDirectionAsync(MediaDirection direction) => ReinviteAsync(_local.WithDirection(direction), retryOnGlare: true);

    /// <summary>
    /// A re-INVITE offering <paramref name="sdp"/> (versioned against what we sent before). A 491 is tried again after
    /// the §14.1 pause when <paramref name="retryOnGlare"/>, else returned (a B2BUA hands it back to whoever offered).
    /// Null when no final response came.
    /// </summary>
    public async Task<SipResponse?> ReinviteAsync(string? sdp, bool retryOnGlare = false)
    {
        var offer = sdp is null ? _local.Current : _local.Update(sdp);
        await _outgoing.WaitAsync();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                if (_ended.Task.IsCompleted) return null;
                lock (_gate) _reinviteOut = true;
                SipResponse? response;
                try
                {
                    response = await SendAsync(SipMethods.Invite, offer is null ? null : SdpBody.ContentType, offer);
                }
                finally
                {
                    lock (_gate) _reinviteOut = false;
                }
                if (response is { StatusCode: 491 } && retryOnGlare && attempt < 2)
                {
                    await Task.Delay(GlarePause(), _stack.Time);
                    continue;
                }
                if (response is { IsSuccess: true })
                {
                    lock (_gate) if (response.Body.Length > 0) _remoteSdp = response.BodyText;
                    Arm(SessionTimerNegotiation.ReadResponse(response, _stack.SessionTimers, SessionTimer?.Interval));
                }
                return response;
            }
        }
        finally
        {
            _outgoing.Release();
        }
    }

    /// <summary>§14.1: the Call-ID's owner waits 2.1–4 s before trying again, the other side 0–2 s.</summary>
    private TimeSpan GlarePause() =>
        TimeSpan.FromMilliseconds(Dialog.IsCaller ? 2100 + Random.Shared.Next(1900) : Random.Shared.Next(2000));

    /// <summary>INFO in the dialog (RFC 6086).</summary>
    public Task<SipResponse?> SendInfoAsync(string contentType, string body) => SendAsync(SipMethods.Info, contentType, body);

    /// <summary>Ends the call with BYE (once) and waits for its response or the transaction timeout.</summary>
    public async Task HangupAsync(SipCallEnd why = SipCallEnd.Local)
    {
        if (!End(why)) return;
        await SendAsync(SipMethods.Bye, null, null);
    }

    /// <summary>Marks the call ended (the first reason wins), stops every timer and lets the dialog go.</summary>
    private bool End(SipCallEnd why)
    {
        if (!_ended.TrySetResult(why)) return false;
        lock (_gate)
        {
            _pending?.Timer.Dispose();
            _pending = null;
            _sessionTimer?.Dispose();
            _sessionTimer = null;
        }
        _acknowledged.TrySetResult(false);
        _stack.RemoveDialog(Dialog);
        return true;
    }

    /// <summary>Sends a request inside the dialog (§12.2.1) and waits for its final response; a 2xx to an INVITE refreshes the target and is ACKed (§13.2.2.4).</summary>
    private Task<SipResponse?> SendAsync(string method, string? contentType, string? body)
    {
        var done = new TaskCompletionSource<SipResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = Dialog.Peer.Transport;
        var request = Dialog.CreateRequest(method, _stack.NewVia(transport), _stack.ContactUri(null, transport));
        if (contentType is not null) request.SetBody(contentType, body ?? string.Empty);
        if (method == SipMethods.Invite)
        {
            var terms = SessionTimer;
            SessionTimerNegotiation.AddToRequest(request, _stack.SessionTimers, terms?.Interval, weRefresh: terms?.WeRefresh ?? false);
        }
        void OnFinal(SipResponse response)
        {
            if (response.IsProvisional) return;
            if (method == SipMethods.Invite && response.IsSuccess)
            {
                Dialog.RefreshTarget(response);
                var ack = Dialog.CreateAck(response.CSeq.Number, _stack.NewVia(transport), _stack.ContactUri(null, transport));
                AckSent(ack);
                _stack.SendStateless(ack, Dialog.NextHop());
            }
            done.TrySetResult(response);
        }
        if (method == SipMethods.Invite) _stack.Transactions.StartInvite(request, Dialog.NextHop(), OnFinal, _ => done.TrySetResult(null));
        else _stack.Transactions.StartNonInvite(request, Dialog.NextHop(), OnFinal, _ => done.TrySetResult(null));
        return done.Task;
    }

    private void Arm(SessionTimerTerms? terms)
    {
        lock (_gate)
        {
            _sessionTimer?.Dispose();
            _sessionTimer = null;
            _terms = terms;
            if (terms is null || _ended.Task.IsCompleted) return;
            _sessionTimer = _stack.Time.CreateTimer(_ => OnSessionTimer(terms), null, terms.NextDeadline, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnSessionTimer(SessionTimerTerms terms)
    {
        if (!terms.WeRefresh)
        {
            _stack.Logger.LogInformation("SIP call {CallId}: session not refreshed within {Interval}; ending it", Dialog.CallId, terms.Interval);
            _ = HangupAsync(SipCallEnd.SessionExpired);
            return;
        }
        _ = RefreshAsync(terms);
    }

    /// <summary>§10: a refresh answered 408 or 481, or not at all, ends the session; another failure leaves it to expire.</summary>
    private async Task RefreshAsync(SessionTimerTerms terms)
    {
        var response = await ReinviteAsync(null, retryOnGlare: true);
        if (_ended.Task.IsCompleted || response is { IsSuccess: true }) return;
        if (response is null or { StatusCode: 408 or 481 })
        {
            _stack.Logger.LogInformation("SIP call {CallId}: session refresh failed ({Status}); ending it", Dialog.CallId, response?.StatusCode);
            await HangupAsync(SipCallEnd.SessionExpired);
            return;
        }
        // Half the interval is left: the session expires then (less the §10 margin) unless a later refresh gets through.
        var margin = TimeSpan.FromSeconds(32) < terms.Interval / 3 ? TimeSpan.FromSeconds(32) : terms.Interval / 3;
        lock (_gate)
        {
            if (_ended.Task.IsCompleted) return;
            _sessionTimer?.Dispose();
            _sessionTimer = _stack.Time.CreateTimer(_ => OnSessionTimer(terms with { WeRefresh = false }), null,
                terms.Interval / 2 - margin, Timeout.InfiniteTimeSpan);
        }
    }

    void ISipDialogUser.OnRequest(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (!Dialog.AcceptRemoteSequence(request))
        {
            incoming.Respond(SipResponse.For(request, 500, "Out of order CSeq", Dialog.LocalTag));
            return;
        }
        switch (request.Method)
        {
            case SipMethods.Bye:
                incoming.Respond(SipResponse.For(request, 200, toTag: Dialog.LocalTag));
                End(SipCallEnd.Remote);
                break;
            case SipMethods.Invite or SipMethods.Update:
                _ = AnswerOfferAsync(incoming);
                break;
            case SipMethods.Info:
                InfoReceived?.Invoke(request);
                incoming.Respond(SipResponse.For(request, 200, toTag: Dialog.LocalTag));
                break;
            case SipMethods.Options:
                incoming.Respond(_stack.Capabilities.AddAll(SipResponse.For(request, 200, toTag: Dialog.LocalTag)));
                break;
            default:
                incoming.Respond(405, Dialog.LocalTag);
                break;
        }
    }

    /// <summary>A re-INVITE or UPDATE from the peer (§14.2, RFC 3311, RFC 4028 §9).</summary>
    private async Task AnswerOfferAsync(IncomingRequest incoming)
    {
        var request = incoming.Request;
        var isInvite = request.Method == SipMethods.Invite;
        lock (_gate)
        {
            if (_reinviteOut && isInvite)
            {
                incoming.Respond(SipResponse.For(request, 491, toTag: Dialog.LocalTag));
                return;
            }
            if (_reinviteIn is not null)
            {
                var busy = SipResponse.For(request, 500, "Earlier offer still pending", Dialog.LocalTag);
                busy.Headers.Add(SipHeaderNames.RetryAfter, Random.Shared.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
                incoming.Respond(busy);
                return;
            }
            _reinviteIn = request.CSeq.Number;
        }
        try
        {
            var timer = SessionTimerNegotiation.AnswerRequest(request, _stack.SessionTimers);
            if (timer is SessionTimerAnswer.TooSmall tooSmall)
            {
                var reject = SipResponse.For(request, 422, toTag: Dialog.LocalTag);
                reject.Headers.Add(SipHeaderNames.MinSe, tooSmall.MinSeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                incoming.Respond(reject);
                return;
            }
            var answer = request.Body.Length > 0 ? await AnswerAsync(request.BodyText) : OfferAnswer.Accepted(isInvite ? _local.Current : null);
            if (answer.Status is < 200 or >= 300)
            {
                incoming.Respond(SipResponse.For(request, answer.Status, toTag: Dialog.LocalTag));
                return;
            }
            Dialog.RefreshTarget(request);
            var ok = SipResponse.For(request, 200, toTag: Dialog.LocalTag);
            ok.Headers.Add(SipHeaderNames.Contact, NameAddress.For(_stack.ContactUri(null, incoming.Source.Transport)).ToString());
            ok.Headers.Add(SipHeaderNames.Supported, string.Join(", ", _stack.Capabilities.Supported));
            if (timer is SessionTimerAnswer.Accepted accepted) SessionTimerNegotiation.AddToResponse(ok, accepted);
            if (answer.Sdp is not null) ok.SetBody(SdpBody.ContentType, answer.Sdp);
            if (isInvite) AwaitAck(ok, request.CSeq.Number, incoming.Source);   // before sending: the ACK may beat us back
            incoming.Respond(ok);
            Arm((timer as SessionTimerAnswer.Accepted)?.Terms);
        }
        catch (Exception e)
        {
            _stack.Logger.LogError(e, "SIP call {CallId}: answering a {Method} failed", Dialog.CallId, request.Method);
            if (!incoming.HasFinalResponse) incoming.Respond(SipResponse.For(request, 500, toTag: Dialog.LocalTag));
        }
        finally
        {
            lock (_gate) _reinviteIn = null;
        }
    }

    /// <summary>
    /// The answer to the peer's description: a re-sent one (same o= version and content) gets ours unchanged; a changed
    /// one goes to <see cref="OfferReceived"/> or is answered with our description, directions mirrored (RFC 3264 §6.1, §8).
    /// </summary>
    private async Task<OfferAnswer> AnswerAsync(string offer)
    {
        string? previous;
        lock (_gate)
        {
            previous = _remoteSdp;
            _remoteSdp = offer;
        }
        if (previous is not null && SdpVersion.Of(previous) == SdpVersion.Of(offer) && SdpVersion.WithoutOrigin(previous) == SdpVersion.WithoutOrigin(offer))
            return OfferAnswer.Accepted(_local.Current);
        if (OfferReceived is { } forward)
        {
            var forwarded = await forward(offer);
            if (forwarded.Status is < 200 or >= 300)
            {
                lock (_gate) _remoteSdp = previous;
                return forwarded;
            }
            return OfferAnswer.Accepted(forwarded.Sdp is { } sdp ? _local.Update(sdp) : _local.Current);
        }
        // RFC 3264 §6.1: sendonly is answered recvonly, recvonly sendonly, inactive inactive.
        return OfferAnswer.Accepted(_local.Current is null ? null : _local.WithDirection(MediaDirectionSdp.Read(offer).Answer()));
    }

    void ISipDialogUser.OnAck(SipRequest ack)
    {
        lock (_gate)
        {
            if (_pending is not { } pending || pending.CSeq != ack.CSeq.Number) return;
            pending.Timer.Dispose();
            _pending = null;
        }
        _acknowledged.TrySetResult(true);
    }

    void ISipDialogUser.OnRetransmitted2xx(SipResponse response)
    {
        SipRequest? ack;
        lock (_gate) ack = _lastAck;
        if (ack is not null && ack.CSeq.Number == response.CSeq.Number) _stack.SendStateless(ack, Dialog.NextHop());
    }

    /// <summary>A 2xx waiting for its ACK: what to re-send, to whom, since when, and the next interval.</summary>
    private sealed record Pending2xx(SipResponse Response, long CSeq, SipEndPoint To, ITimer Timer, long Since)
    {
        public TimeSpan Interval { get; set; }
    }
}
