using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// How either side of an established dialog answers requests from the peer (§12.2.2, §15.1.2): out-of-order
/// CSeq → 500, BYE → 200 and the dialog ends, re-INVITE → 200 echoing our offer with the peer's direction mirrored,
/// INFO → 200, anything else → 405.
/// </summary>
internal static class InDialogRequests
{
    public static void Handle(SipStack stack, SipDialog dialog, IncomingRequest incoming, Action onBye, Func<string?>? currentSdp = null,
        Action<SipRequest>? onInfo = null)
    {
        var request = incoming.Request;
        if (!dialog.AcceptRemoteSequence(request))
        {
            incoming.Respond(SipResponse.For(request, 500, "Out of order CSeq", dialog.LocalTag));
            return;
        }
        switch (request.Method)
        {
            case SipMethods.Bye:
                incoming.Respond(SipResponse.For(request, 200, toTag: dialog.LocalTag));
                onBye();
                break;
            case SipMethods.Invite:
                dialog.RefreshTarget(request);
                var ok = SipResponse.For(request, 200, toTag: dialog.LocalTag);
                ok.Headers.Add(SipHeaderNames.Contact, NameAddress.For(stack.ContactUri(null, incoming.Source.Transport)).ToString());
                if (currentSdp?.Invoke() is { } sdp && request.Body.Length > 0)
                    ok.SetBody("application/sdp", MediaDirectionSdp.Apply(sdp, Mirror(MediaDirectionSdp.Read(request.BodyText))));
                incoming.Respond(ok);
                break;
            case SipMethods.Info:
                onInfo?.Invoke(request);
                incoming.Respond(SipResponse.For(request, 200, toTag: dialog.LocalTag));
                break;
            case SipMethods.Options:
                incoming.Respond(SipResponse.For(request, 200, toTag: dialog.LocalTag));
                break;
            default:
                incoming.Respond(SipResponse.For(request, 405, toTag: dialog.LocalTag));
                break;
        }
    }

    /// <summary>RFC 3264 §6.1: answer sendonly with recvonly, recvonly with sendonly, inactive with inactive.</summary>
    private static MediaDirection Mirror(MediaDirection offered) => offered switch
    {
        MediaDirection.SendOnly => MediaDirection.RecvOnly,
        MediaDirection.RecvOnly => MediaDirection.SendOnly,
        MediaDirection.Inactive => MediaDirection.Inactive,
        _ => MediaDirection.SendRecv,
    };
}
