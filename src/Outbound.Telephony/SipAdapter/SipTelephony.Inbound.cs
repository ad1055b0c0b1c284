using System.Net;
using Outbound.Core.Lists;
using Outbound.Telephony.Port;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.SipAdapter;

/// <summary>Customers calling in: the carrier delivers a call for one of the hotline numbers over the trunk.</summary>
public sealed partial class SipTelephony
{
    private readonly IInboundCallHandler? _hotlines;
    private readonly PhoneNormalizer _phones = new();

    /// <summary>
    /// An INVITE from the trunk's address to a number a hotline takes (Request-URI user, else To user) is answered on a
    /// leg of its own — 180, then 200 with our SDP answer (488 when the offer has no G.711) — whose events go where the
    /// hotline says. Ownership is asked first, so a call that is refused opens no media. Any other INVITE from the trunk's
    /// address is either an agent's phone behind the same border controller (<see cref="FromAgentPhone"/>: returns false,
    /// the agents' digest check takes it) or a carrier call to a number nobody owns: 404. Returns false as well when the
    /// INVITE is not from the trunk (an agent's phone, or a stranger: the digest check handles both).
    /// </summary>
    private bool AcceptCustomerCall(IncomingRequest incoming)
    {
        if (!FromTrunk(incoming.Source)) return false;
        var request = incoming.Request;
        // A tel-style user part may carry parameters (95598;npdi): the number is what comes before them.
        var called = (request.Uri.User ?? request.To.Uri.User)?.Split(';')[0];
        if (string.IsNullOrEmpty(called) || _hotlines?.Takes(called) != true)
        {
            if (FromAgentPhone(request)) return false;
            incoming.Respond(404);
            return true;
        }
        if (TakeOffer(incoming) is not var (inbound, leg, answer)) return true;
        var caller = request.From.Uri.User?.Split(';')[0] is { Length: > 0 } user ? _phones.Normalize(user).Phone?.E164 ?? user : "anonymous";
        if (_hotlines.Arrive(new InboundCallArrival(leg.Id, caller, called)) is not { } sink)
        {
            // Taken a moment ago, refused now (the hotline just stopped): the leg opened for it closes again.
            inbound.Reject(404);
            _ = EndAsync(leg, new TelephonyEvent.Failed(leg.Id, Now, FailureReason.Invalid));
            return true;
        }
        leg.Sink = sink;
        inbound.Ring();
        if (!inbound.Answer(answer))
        {
            _ = EndAsync(leg, new TelephonyEvent.Failed(leg.Id, Now, FailureReason.Rejected));   // 422: too short a session asked for
            return true;
        }
        leg.MarkAnswered();
        _ = WatchInboundAsync(leg, inbound, agentId: null);
        return true;
    }

    /// <summary>
    /// An agent's phone reaching us through the trunk's border controller, told from a carrier's call by what each sends:
    /// the SBC relays the phone's own From (its account, <c>sip:agent7@…</c>) and, after our 401, its Authorization; a
    /// carrier presents the calling number as From and never answers a challenge (it is trusted by address). So: digest
    /// credentials for our realm, or a From user that is one of the agents' accounts. Anything else stays a 404 — a
    /// carrier gets "no such number", not a challenge it cannot meet.
    /// </summary>
    private bool FromAgentPhone(SipRequest request) =>
        request.Headers.GetAll(SipHeaderNames.Authorization).Any(value => DigestFields.Parse(value)?["realm"] == _options.Realm)
        || request.From.Uri.User is { Length: > 0 } user && _agents.ForUsername(user) is not null;

    /// <summary>The trunk is recognised by its address (the host resolved when it was configured); any source port.</summary>
    private bool FromTrunk(SipEndPoint source) =>
        _route is { } route && Plain(route.Hop.Address.Address).Equals(Plain(source.Address.Address));

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
