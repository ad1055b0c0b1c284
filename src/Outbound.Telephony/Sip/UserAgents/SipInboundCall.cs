using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// One inbound call leg as UAS (RFC 3261 §13.3): rings (180, or 183 with early-media SDP), answers with a 2xx that
/// is retransmitted (T1 doubling to T2) until the ACK arrives or 64·T1 passes (§13.3.1.4, then BYE), rejects, learns
/// of CANCEL, and owns the dialog afterwards (BYE either way, re-INVITE, INFO).
/// </summary>
public sealed class SipInboundCall : ISipDialogUser
{
    private readonly SipStack _stack;
    private readonly IncomingRequest _incoming;
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly string _localTag = SipIds.Tag();
    private SipResponse? _ok;
    private ITimer? _retransmit;
    private TimeSpan _interval;
    private string? _localSdp;

    public SipInboundCall(SipStack stack, IncomingRequest incoming)
    {
        _stack = stack;
        _incoming = incoming;
        Dialog = SipDialog.FromRequest(incoming.Request, _localTag, incoming.Source);
        stack.OnCancel(incoming, () =>
        {
            lock (_gate)
            {
                if (_incoming.HasFinalResponse) return;
                _incoming.Respond(SipResponse.For(_incoming.Request, 487, toTag: _localTag));
            }
            _ended.TrySetResult("cancelled");
            Cancelled?.Invoke();
        });
    }

    public SipRequest Invite => _incoming.Request;
    public string? OfferSdp => Invite.Body.Length > 0 ? Invite.BodyText : null;
    public SipDialog Dialog { get; }

    /// <summary>The caller gave up before the answer (CANCEL).</summary>
    public event Action? Cancelled;
    /// <summary>INFO requests from the peer (RFC 6086), e.g. DTMF as application/dtmf-relay.</summary>
    public event Action<SipRequest>? InfoReceived;
    /// <summary>Completes with "local", "remote", "cancelled", "rejected" or "no-ack".</summary>
    public Task<string> Ended => _ended.Task;
    public Task<bool> Acknowledged => _acked.Task;

    public void Ring(int status = 180, string? earlyMediaSdp = null)
    {
        lock (_gate)
        {
            if (_incoming.HasFinalResponse) return;
            var response = SipResponse.For(Invite, status, toTag: _localTag);
            response.Headers.Add(SipHeaderNames.Contact, NameAddress.For(_stack.ContactUri(null, _incoming.Source.Transport)).ToString());
            if (earlyMediaSdp is not null) response.SetBody("application/sdp", earlyMediaSdp);
            _incoming.Respond(response);
        }
    }

    public void Answer(string? sdp)
    {
        lock (_gate)
        {
            if (_incoming.HasFinalResponse) return;
            _localSdp = sdp;
            _ok = SipResponse.For(Invite, 200, toTag: _localTag);
            _ok.Headers.Add(SipHeaderNames.Contact, NameAddress.For(_stack.ContactUri(null, _incoming.Source.Transport)).ToString());
            foreach (var route in Invite.Headers.GetAll(SipHeaderNames.RecordRoute)) _ok.Headers.Add(SipHeaderNames.RecordRoute, route);
            if (sdp is not null) _ok.SetBody("application/sdp", sdp);
            _stack.AddDialog(Dialog.Id, this);
            _incoming.Respond(_ok);
            _stack.ForgetCancel(_incoming);
            if (!_incoming.Source.IsReliable)
            {
                _interval = _stack.Transactions.Timers.T1;
                _retransmit = _stack.Time.CreateTimer(_ => Retransmit(), null, _interval, Timeout.InfiniteTimeSpan);
            }
        }
        // Give up on the ACK after 64·T1 (§13.3.1.4): confirm and end the session with BYE.
        _ = WaitForAckAsync();
    }

    private async Task WaitForAckAsync()
    {
        var timeout = Task.Delay(_stack.Transactions.Timers.Timeout, _stack.Time);
        if (await Task.WhenAny(_acked.Task, timeout) == _acked.Task) return;
        _retransmit?.Dispose();
        _ended.TrySetResult("no-ack");
        await HangupAsync();
    }

    private void Retransmit()
    {
        lock (_gate)
        {
            if (_acked.Task.IsCompleted || _ok is null) return;
            _stack.SendStateless(_ok, _incoming.Source);
            _interval = _interval * 2 < _stack.Transactions.Timers.T2 ? _interval * 2 : _stack.Transactions.Timers.T2;
            _retransmit?.Change(_interval, Timeout.InfiniteTimeSpan);
        }
    }

    public void Reject(int status, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            if (_incoming.HasFinalResponse) return;
            var response = SipResponse.For(Invite, status is >= 300 and <= 699 ? status : 500, toTag: _localTag);
            if (retryAfter is { } after) response.Headers.Add(SipHeaderNames.RetryAfter, SipStack.Seconds(after));
            _incoming.Respond(response);
            _stack.ForgetCancel(_incoming);
        }
        _ended.TrySetResult("rejected");
    }

    public async Task HangupAsync()
    {
        _retransmit?.Dispose();
        if (!_ended.TrySetResult("local") && _ended.Task.Result != "no-ack") return;
        await InDialogClient.SendAsync(_stack, Dialog, SipMethods.Bye, null, null);
        _stack.RemoveDialog(Dialog.Id);
    }

    /// <summary>Hold or resume from our side: re-INVITE with our answer rewritten to <paramref name="direction"/> (RFC 3264 §8.4).</summary>
    public Task<SipResponse?> ChangeDirectionAsync(MediaDirection direction) =>
        InDialogClient.SendAsync(_stack, Dialog, SipMethods.Invite, "application/sdp", MediaDirectionSdp.Apply(_localSdp ?? string.Empty, direction));

    /// <summary>INFO in the dialog (RFC 6086).</summary>
    public Task<SipResponse?> SendInfoAsync(string contentType, string body) => InDialogClient.SendAsync(_stack, Dialog, SipMethods.Info, contentType, body);

    void ISipDialogUser.OnRequest(IncomingRequest request) => InDialogRequests.Handle(_stack, Dialog, request, () =>
    {
        _retransmit?.Dispose();
        _acked.TrySetResult(false);
        _ended.TrySetResult("remote");
        _stack.RemoveDialog(Dialog.Id);
    }, () => _localSdp, info => InfoReceived?.Invoke(info));

    void ISipDialogUser.OnAck(SipRequest ack)
    {
        _retransmit?.Dispose();
        _acked.TrySetResult(true);
    }

    void ISipDialogUser.OnRetransmitted2xx(SipResponse response) { }
}
