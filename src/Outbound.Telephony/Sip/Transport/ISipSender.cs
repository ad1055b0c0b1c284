using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>Sends a message without waiting; a failure is reported through <paramref name="onError"/> (§18.4).</summary>
public interface ISipSender
{
    void Send(SipMessage message, SipEndPoint remote, Action<Exception>? onError = null);
}
