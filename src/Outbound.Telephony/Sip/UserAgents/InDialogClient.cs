using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// Sends a request inside an established dialog (§12.2.1) from either side and waits for its final response;
/// a 2xx to a re-INVITE refreshes the target and is ACKed (§13.2.2.4).
/// </summary>
internal static class InDialogClient
{
    public static Task<SipResponse?> SendAsync(SipStack stack, SipDialog dialog, string method, string? contentType, string? body)
    {
        var done = new TaskCompletionSource<SipResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = dialog.CreateRequest(method, stack.NewVia(dialog.Peer.Transport), stack.ContactUri(null, dialog.Peer.Transport));
        if (contentType is not null) request.SetBody(contentType, body ?? string.Empty);
        void OnFinal(SipResponse response)
        {
            if (response.IsProvisional) return;
            if (method == SipMethods.Invite && response.IsSuccess)
            {
                dialog.RefreshTarget(response);
                stack.SendStateless(dialog.CreateAck(response.CSeq.Number, stack.NewVia(dialog.Peer.Transport), stack.ContactUri(null)), dialog.NextHop());
            }
            done.TrySetResult(response);
        }
        if (method == SipMethods.Invite) stack.Transactions.StartInvite(request, dialog.NextHop(), OnFinal, _ => done.TrySetResult(null));
        else stack.Transactions.StartNonInvite(request, dialog.NextHop(), OnFinal, _ => done.TrySetResult(null));
        return done.Task;
    }
}
