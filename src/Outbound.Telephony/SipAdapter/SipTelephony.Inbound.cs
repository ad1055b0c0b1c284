using System.Net;
using Outbound.Core.Lists;
using Outbound.Telephony.Port;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.SipAdapter;

/// <summary>Customers calling in: the carrier delivers a call for one of the hotline numbers over the trunk.</summary>
public sealed partial class SipTelephony
{
    private readonly IInboundCallHandler? _hotlines;
    private readonly PhoneNormalizer _phones = new();

    /// <summary>
    /// An INVITE from the trunk's address to a number a hotline owns (Request-URI user, else To user) is answered on a leg
    /// of its own — 180, then 200 with our SDP answer (488 when the offer has no G.711) — whose events go where the
    /// hotline says; a number nobody owns gets 404. Returns false when the INVITE is not from the trunk (an agent's phone,
    /// or a stranger: the agents' digest check handles both).
    /// </summary>
    private bool AcceptCustomerCall(IncomingRequest incoming)
    {
        if (!FromTrunk(incoming.Source)) return false;
        var request = incoming.Request;
        // A tel-style user part may carry parameters (95598;npdi): the number is what comes before them.
        var called = (request.Uri.User ?? request.To.Uri.User)?.Split(';')[0];
        if (string.IsNullOrEmpty(called) || _hotlines is null)
        {
            incoming.Respond(404);
            return true;
        }
        if (TakeOffer(incoming) is not var (inbound, leg, answer)) return true;
        var caller = request.From.Uri.User?.Split(';')[0] is { Length: > 0 } user ? _phones.Normalize(user).Phone?.E164 ?? user : "anonymous";
        if (_hotlines.Arrive(new InboundCallArrival(leg.Id, caller, called)) is not { } sink)
        {
            inbound.Reject(404);
            _ = EndAsync(leg, new TelephonyEvent.Failed(leg.Id, Now, FailureReason.Invalid));
            return true;
        }
        leg.Sink = sink;
        inbound.Ring();
        inbound.Answer(answer);
        leg.MarkAnswered();
        _ = WatchInboundAsync(leg, inbound, agentId: null);
        return true;
    }

    /// <summary>The trunk is recognised by its address (the host resolved when it was configured); any source port.</summary>
    private bool FromTrunk(SipEndPoint source) =>
        _route is { } route && Plain(route.Hop.Address.Address).Equals(Plain(source.Address.Address));

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
