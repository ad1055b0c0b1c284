using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// One inbound call leg as UAS (RFC 3261 §13.3): rings (180, or 183 with early-media SDP), answers with a 2xx carrying
/// the session timer it granted (RFC 4028 §9; a Session-Expires below our Min-SE gets 422), rejects, learns of CANCEL,
/// and then hands the dialog to its <see cref="Session"/> (2xx retransmission until ACK, re-INVITE, BYE, refreshes).
/// Every response carries the one To tag of the INVITE's server transaction, the tag a CANCEL's 200 repeats (§9.2).
/// </summary>
public sealed class SipInboundCall
{
    private readonly SipStack _stack;
    private readonly IncomingRequest _incoming;
    private readonly TaskCompletionSource<SipCallEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private SipCallSession? _session;

    public SipInboundCall(SipStack stack, IncomingRequest incoming)
    {
        _stack = stack;
        _incoming = incoming;
        Dialog = SipDialog.FromRequest(incoming.Request, incoming.LocalTag, incoming.Source);
        stack.OnCancel(incoming, () =>
        {
            lock (_gate)
            {
                if (_incoming.HasFinalResponse) return;
                _incoming.Respond(SipResponse.For(_incoming.Request, 487, toTag: incoming.LocalTag));
            }
            _ended.TrySetResult(SipCallEnd.Cancelled);
            Cancelled?.Invoke();
        });
    }

    public SipRequest Invite => _incoming.Request;
    public string? OfferSdp => Invite.Body.Length > 0 ? Invite.BodyText : null;
    public SipDialog Dialog { get; }
    /// <summary>The established call, once answered.</summary>
    public SipCallSession? Session
    {
        get { lock (_gate) return _session; }
    }

    /// <summary>The caller gave up before the answer (CANCEL).</summary>
    public event Action? Cancelled;
    /// <summary>INFO requests from the peer (RFC 6086), e.g. DTMF as application/dtmf-relay.</summary>
    public event Action<SipRequest>? InfoReceived;
    /// <summary>How the leg ended: cancelled or rejected before the answer, or however its session ended after.</summary>
    public Task<SipCallEnd> Ended => _ended.Task;
    /// <summary>True once the 2xx was acknowledged; false when the call ended without.</summary>
    public Task<bool> Acknowledged => Session?.Acknowledged ?? Task.FromResult(false);

    public void Ring(int status = 180, string? earlyMediaSdp = null)
    {
        lock (_gate)
        {
            if (_incoming.HasFinalResponse) return;
            var response = SipResponse.For(Invite, status, toTag: Dialog.LocalTag);
            response.Headers.Add(SipHeaderNames.Contact, NameAddress.For(_stack.ContactUri(null, _incoming.Source.Transport)).ToString());
            if (earlyMediaSdp is not null) response.SetBody(SdpBody.ContentType, earlyMediaSdp);
            _incoming.Respond(response);
        }
    }

    /// <summary>Answers with <paramref name="sdp"/>; a Session-Expires we cannot grant is refused with 422 instead (false).</summary>
    public bool Answer(string? sdp)
    {
        SipCallSession session;
        lock (_gate)
        {
            if (_incoming.HasFinalResponse) return false;
            var timer = SessionTimerNegotiation.AnswerRequest(Invite, _stack.SessionTimers);
            if (timer is SessionTimerAnswer.TooSmall tooSmall)
            {
                var reject = SipResponse.For(Invite, 422, toTag: Dialog.LocalTag);
                reject.Headers.Add(SipHeaderNames.MinSe, tooSmall.MinSeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _incoming.Respond(reject);
                _stack.ForgetCancel(_incoming);
                _ended.TrySetResult(SipCallEnd.Rejected);
                return false;
            }
            var ok = SipResponse.For(Invite, 200, toTag: Dialog.LocalTag);
            ok.Headers.Add(SipHeaderNames.Contact, NameAddress.For(_stack.ContactUri(null, _incoming.Source.Transport)).ToString());
            foreach (var route in Invite.Headers.GetAll(SipHeaderNames.RecordRoute)) ok.Headers.Add(SipHeaderNames.RecordRoute, route);
            _stack.Capabilities.AddAllow(ok);
            if (_stack.Capabilities.Supported.Count > 0) ok.Headers.Add(SipHeaderNames.Supported, string.Join(", ", _stack.Capabilities.Supported));
            if (timer is SessionTimerAnswer.Accepted accepted) SessionTimerNegotiation.AddToResponse(ok, accepted);
            if (sdp is not null) ok.SetBody(SdpBody.ContentType, sdp);
            _session = session = new SipCallSession(_stack, Dialog, sdp, OfferSdp);
            session.InfoReceived += info => InfoReceived?.Invoke(info);
            session.Start((timer as SessionTimerAnswer.Accepted)?.Terms);
            session.AwaitAck(ok, Invite.CSeq.Number, _incoming.Source);   // before sending: the ACK may beat us back
            _incoming.Respond(ok);
            _stack.ForgetCancel(_incoming);
        }
        _ = FollowAsync(session);
        return true;
    }

    private async Task FollowAsync(SipCallSession session) => _ended.TrySetResult(await session.Ended);

    public void Reject(int status, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            if (_incoming.HasFinalResponse) return;
            var response = SipResponse.For(Invite, status is >= 300 and <= 699 ? status : 500, toTag: Dialog.LocalTag);
            if (retryAfter is { } after) response.Headers.Add(SipHeaderNames.RetryAfter, SipStack.Seconds(after));
            _incoming.Respond(response);
            _stack.ForgetCancel(_incoming);
        }
        _ended.TrySetResult(SipCallEnd.Rejected);
    }

    /// <summary>Ends the answered call with BYE; before the answer there is nothing to hang up.</summary>
    public Task HangupAsync(SipCallEnd why = SipCallEnd.Local) => Session?.HangupAsync(why) ?? Task.CompletedTask;

    /// <summary>Hold or resume from our side (RFC 3264 §8.4).</summary>
    public Task<SipResponse?> ChangeDirectionAsync(MediaDirection direction) =>
        Session?.ChangeDirectionAsync(direction) ?? Task.FromResult<SipResponse?>(null);

    /// <summary>INFO in the dialog (RFC 6086).</summary>
    public Task<SipResponse?> SendInfoAsync(string contentType, string body) =>
        Session?.SendInfoAsync(contentType, body) ?? Task.FromResult<SipResponse?>(null);
}
