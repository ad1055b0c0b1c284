using System.Net;
using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Sdp;

/// <summary>
/// What an offer/answer exchange settled for the audio stream: where to send, the G.711 law and its
/// payload type, the telephone-event payload type (null: no RFC 4733 DTMF), our direction and ptime.
/// </summary>
public sealed record NegotiatedAudio(
    IPEndPoint Remote, G711Law Law, int PayloadType, int? TelephoneEventPayloadType, MediaDirection Direction, int PtimeMilliseconds)
{
    public bool WeSend => Direction is MediaDirection.SendRecv or MediaDirection.SendOnly;
    public bool WeReceive => Direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;
}
