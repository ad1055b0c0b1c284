using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// A new request handed to the transaction user together with its server transaction. Every response to it carries
/// the same To tag (<see cref="LocalTag"/>: the dialog's own for an in-dialog request), and a 405 the Allow header (§8.2.1).
/// </summary>
public sealed class IncomingRequest
{
    private readonly SipTransaction _transaction;
    private readonly SipCapabilities _capabilities;

    internal IncomingRequest(SipRequest request, SipEndPoint source, SipTransaction transaction, SipCapabilities capabilities)
    {
        Request = request;
        Source = source;
        _transaction = transaction;
        _capabilities = capabilities;
        LocalTag = transaction is ServerInviteTransaction invite ? invite.ToTag : request.To.Tag ?? SipIds.Tag();
    }

    public SipRequest Request { get; }
    public SipEndPoint Source { get; }
    public string LocalTag { get; }

    public bool HasFinalResponse { get; private set; }

    public void Respond(SipResponse response)
    {
        if (!response.IsProvisional) HasFinalResponse = true;
        if (response.StatusCode == 405) _capabilities.AddAllow(response);
        switch (_transaction)
        {
            case ServerInviteTransaction invite: invite.Respond(response); break;
            case ServerNonInviteTransaction other: other.Respond(response); break;
        }
    }

    public SipResponse Respond(int statusCode, string? toTag = null)
    {
        var response = SipResponse.For(Request, statusCode, toTag: statusCode > 100 ? toTag ?? LocalTag : null);
        Respond(response);
        return response;
    }
}
