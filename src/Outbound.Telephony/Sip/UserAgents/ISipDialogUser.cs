using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>What owns a dialog: gets the in-dialog requests (BYE, re-INVITE, INFO), ACKs for its 2xx, and 2xx retransmissions.</summary>
public interface ISipDialogUser
{
    void OnRequest(IncomingRequest request);
    void OnAck(SipRequest ack);
    void OnRetransmitted2xx(SipResponse response);
}
