using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>A new request handed to the transaction user together with its server transaction.</summary>
public sealed class IncomingRequest
{
    private readonly SipTransaction _transaction;

    internal IncomingRequest(SipRequest request, SipEndPoint source, SipTransaction transaction)
    {
        Request = request;
        Source = source;
        _transaction = transaction;
    }

    public SipRequest Request { get; }
    public SipEndPoint Source { get; }

    public bool HasFinalResponse { get; private set; }

    public void Respond(SipResponse response)
    {
        if (!response.IsProvisional) HasFinalResponse = true;
        switch (_transaction)
        {
            case ServerInviteTransaction invite: invite.Respond(response); break;
            case ServerNonInviteTransaction other: other.Respond(response); break;
        }
    }

    public SipResponse Respond(int statusCode, string? toTag = null)
    {
        var response = SipResponse.For(Request, statusCode, toTag: toTag ?? (statusCode > 100 ? SipIds.Tag() : null));
        Respond(response);
        return response;
    }
}
