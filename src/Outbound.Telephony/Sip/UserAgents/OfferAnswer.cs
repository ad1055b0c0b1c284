namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>What became of an offer made inside a session: 200 with the answer SDP, or the failure status to return.</summary>
public sealed record OfferAnswer(int Status, string? Sdp)
{
    public static OfferAnswer Accepted(string? sdp) => new(200, sdp);
    public static OfferAnswer Failed(int status) => new(status, null);
}
