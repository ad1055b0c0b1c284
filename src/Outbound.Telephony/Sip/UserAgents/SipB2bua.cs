using System.Collections.Concurrent;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>Where the B2BUA sends the outbound leg of every inbound INVITE.</summary>
public sealed record B2buaRoute(SipEndPoint NextHop, string TargetHost, int? TargetPort, TimeSpan RingTimeout, Func<string?, string?>? RewriteSdp = null);

/// <summary>
/// A back-to-back user agent: each inbound INVITE becomes a UAS leg and a new UAC leg towards the route (new
/// Call-ID, tags and CSeq; SDP passed through or rewritten). Ringing, early media, answer, failure status and
/// Retry-After are relayed back; CANCEL and BYE are carried across. Setup times are recorded for the bench.
/// </summary>
public sealed class SipB2bua
{
    private readonly SipStack _stack;
    private readonly B2buaRoute _route;
    private readonly ConcurrentQueue<TimeSpan> _setupTimes = new();
    private long _answered;
    private long _failed;

    public SipB2bua(SipStack stack, B2buaRoute route)
    {
        _stack = stack;
        _route = route;
        stack.RequestReceived = OnRequest;
    }

    public long Answered => Interlocked.Read(ref _answered);
    public long Failed => Interlocked.Read(ref _failed);
    /// <summary>Inbound INVITE arrival → 2xx sent back, per answered call.</summary>
    public IReadOnlyCollection<TimeSpan> SetupTimes => _setupTimes;

    private void OnRequest(IncomingRequest incoming)
    {
        switch (incoming.Request.Method)
        {
            case SipMethods.Invite:
                _ = BridgeGuardedAsync(incoming);
                break;
            case SipMethods.Options:
                incoming.Respond(200);
                break;
            default:
                incoming.Respond(405);
                break;
        }
    }

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
        var offer = _route.RewriteSdp is { } rewrite ? rewrite(inbound.OfferSdp) : inbound.OfferSdp;
        var target = SipUri.Create(invite.Uri.User, _route.TargetHost, _route.TargetPort);
        var from = invite.From;
        var callerId = new NameAddress { DisplayName = from.DisplayName, Uri = from.Uri.WithoutParameters() };
        var outbound = SipOutboundCall.Start(_stack, new SipOriginateRequest(target, callerId, offer, _route.RingTimeout, _route.NextHop),
            (status, sdp) => inbound.Ring(status == 183 && sdp is not null ? 183 : 180, status == 183 ? sdp : null));
        inbound.Cancelled += outbound.Cancel;

        var result = await outbound.Setup;
        if (result.Outcome != CallOutcome.Answered)
        {
            Interlocked.Increment(ref _failed);
            inbound.Reject(result.StatusCode is >= 300 ? result.StatusCode : 503, result.RetryAfter);
            return;
        }
        inbound.Answer(result.AnswerSdp);
        _setupTimes.Enqueue(_stack.Time.GetUtcNow() - started);
        Interlocked.Increment(ref _answered);

        var first = await Task.WhenAny(inbound.Ended, outbound.Ended);
        if (first == inbound.Ended) await outbound.HangupAsync();
        else await inbound.HangupAsync();
    }
}
