using System.Collections.Concurrent;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>Where the B2BUA sends the outbound leg of every inbound INVITE.</summary>
public sealed record B2buaRoute(SipEndPoint NextHop, string TargetHost, int? TargetPort, TimeSpan RingTimeout);

/// <summary>
/// A back-to-back user agent: each inbound INVITE becomes a UAS leg and a new UAC leg towards the route (new
/// Call-ID, tags and CSeq; SDP passed through). Ringing, early media, answer, failure status and
/// Retry-After are relayed back; CANCEL and BYE are carried across, and so is a re-INVITE that changes the media (hold,
/// resume) with the other leg's answer; each leg keeps its own session timer, and when one leg ends — BYE, no ACK,
/// session expired — so does the other. Like a proxy it guards against loops (RFC 3261 §16.3): an INVITE arriving with
/// Max-Forwards 0 gets 483 and the outbound leg starts one lower than the inbound one; an INVITE carrying a Via of ours
/// whose branch is one of our own outbound legs in progress has come back round and gets 482. Setup times and how calls
/// ended are recorded for the bench.
/// </summary>
public sealed class SipB2bua
{
    private readonly SipStack _stack;
    private readonly B2buaRoute _route;
    private readonly ConcurrentQueue<TimeSpan> _setupTimes = new();
    private readonly ConcurrentDictionary<SipCallEnd, long> _ends = new();
    private long _answered;
    private long _failed;
    private long _loops;
    private long _active;

    public SipB2bua(SipStack stack, B2buaRoute route)
    {
        _stack = stack;
        _route = route;
        stack.RequestReceived = OnRequest;
    }

    public long Answered => Interlocked.Read(ref _answered);
    public long Failed => Interlocked.Read(ref _failed);
    /// <summary>INVITEs refused with 482 or 483.</summary>
    public long LoopsRefused => Interlocked.Read(ref _loops);
    /// <summary>Calls answered and not yet ended on both legs.</summary>
    public long Active => Interlocked.Read(ref _active);
    /// <summary>Inbound INVITE arrival → 2xx sent back, per answered call.</summary>
    public IReadOnlyCollection<TimeSpan> SetupTimes => _setupTimes;
    /// <summary>How answered calls ended, by the leg that ended first.</summary>
    public IReadOnlyDictionary<SipCallEnd, long> Ends => _ends;

    private void OnRequest(IncomingRequest incoming)
    {
        if (incoming.Request.Method != SipMethods.Invite)
        {
            incoming.Respond(405);
            return;
        }
        if (RefuseLoop(incoming)) return;
        _ = BridgeGuardedAsync(incoming);
    }

    private bool RefuseLoop(IncomingRequest incoming)
    {
        var request = incoming.Request;
        var status = request.MaxForwards <= 0 ? 483 : ComesBackRound(request) ? 482 : 0;
        if (status == 0) return false;
        Interlocked.Increment(ref _loops);
        incoming.Respond(status);
        return true;
    }

    /// <summary>A Via with our sent-by and the branch of one of our client INVITE transactions (§16.3 step 4).</summary>
    private bool ComesBackRound(SipRequest request) =>
        request.Vias.Any(via => via.Host == _stack.Host && (via.Port ?? 5060) == _stack.Port && via.Branch is { } branch
                                && _stack.Transactions.HasClient(branch, SipMethods.Invite));

    /// <summary>Any failure while bridging still answers the caller (500) rather than leaving its INVITE pending.</summary>
    private async Task BridgeGuardedAsync(IncomingRequest incoming)
    {
        try
        {
            await BridgeAsync(incoming);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _failed);
            if (!incoming.HasFinalResponse) incoming.Respond(500);
        }
    }

    private async Task BridgeAsync(IncomingRequest incoming)
    {
        var started = _stack.Time.GetUtcNow();
        var inbound = new SipInboundCall(_stack, incoming);
        var invite = incoming.Request;
        var target = SipUri.Create(invite.Uri.User, _route.TargetHost, _route.TargetPort);
        var from = invite.From;
        var callerId = new NameAddress { DisplayName = from.DisplayName, Uri = from.Uri.WithoutParameters() };
        var outbound = SipOutboundCall.Start(_stack,
            new SipOriginateRequest(target, callerId, inbound.OfferSdp, _route.RingTimeout, _route.NextHop, MaxForwards: invite.MaxForwards - 1),
            (status, sdp) => inbound.Ring(status == 183 && sdp is not null ? 183 : 180, status == 183 ? sdp : null));
        inbound.Cancelled += outbound.Cancel;

        var result = await outbound.Setup;
        if (result.Outcome != CallOutcome.Answered)
        {
            Interlocked.Increment(ref _failed);
            inbound.Reject(result.StatusCode is >= 300 ? result.StatusCode : 503, result.RetryAfter);
            return;
        }
        if (!inbound.Answer(result.AnswerSdp))
        {
            Interlocked.Increment(ref _failed);
            await outbound.HangupAsync();
            return;
        }
        _setupTimes.Enqueue(_stack.Time.GetUtcNow() - started);
        Interlocked.Increment(ref _answered);
        Interlocked.Increment(ref _active);
        try
        {
            var (caller, callee) = (inbound.Session!, outbound.Session!);
            caller.OfferReceived = sdp => ForwardAsync(callee, sdp);
            callee.OfferReceived = sdp => ForwardAsync(caller, sdp);
            var first = await Task.WhenAny(caller.Ended, callee.Ended);
            var why = await first;
            _ends.AddOrUpdate(why, 1, (_, n) => n + 1);
            // The other leg learns the same reason; a leg that already ended (BYE crossing) ignores it.
            await (first == caller.Ended ? callee : caller).HangupAsync(why == SipCallEnd.Remote ? SipCallEnd.Local : why);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    /// <summary>An offer from one leg, re-offered on the other; its answer (or failure) goes back.</summary>
    private async Task<OfferAnswer> ForwardAsync(SipCallSession to, string offer)
    {
        var response = await to.ReinviteAsync(offer);
        if (response is null) return OfferAnswer.Failed(408);
        return response.IsSuccess ? OfferAnswer.Accepted(response.Body.Length > 0 ? response.BodyText : null) : OfferAnswer.Failed(response.StatusCode);
    }
}
