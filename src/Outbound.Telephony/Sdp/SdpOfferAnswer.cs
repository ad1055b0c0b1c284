using System.Net;
using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Sdp;

/// <summary>The outcome of answering an offer: the answer to send, and the audio we agreed on (null: rejected).</summary>
public sealed record SdpAnswerResult(SessionDescription Answer, NegotiatedAudio? Audio);

/// <summary>
/// The offer/answer model of RFC 3264 for one audio stream of G.711 (PCMU, PCMA) plus RFC 4733
/// telephone-event. Other m= lines are declined with port 0 (§6), keeping the m= line count equal.
/// </summary>
public static class SdpOfferAnswer
{
    public const string TelephoneEvent = "telephone-event";
    public const int DefaultTelephoneEventPayloadType = 101;
    /// <summary>DTMF 0–9, *, #, A–D (RFC 4733 §3.2).</summary>
    public const string DtmfEvents = "0-15";

    /// <summary>An offer (RFC 3264 §5) of one audio stream with the codecs in our order of preference.</summary>
    public static SessionDescription CreateOffer(
        IPEndPoint local, ulong sessionId, ulong sessionVersion, IReadOnlyList<G711Law> codecs,
        MediaDirection direction = MediaDirection.SendRecv, int ptimeMilliseconds = 20)
    {
        if (codecs.Count == 0) throw new ArgumentException("offer at least one codec", nameof(codecs));
        var formats = codecs.Select(c => (int)c.PayloadType()).Append(DefaultTelephoneEventPayloadType).ToList();
        var maps = codecs.Select(MapFor).Append(new SdpRtpMap(DefaultTelephoneEventPayloadType, TelephoneEvent, 8000)).ToList();
        return new SessionDescription
        {
            Origin = new SdpOrigin("outbound", sessionId, sessionVersion, SdpConnection.For(local.Address).AddressType, local.Address.ToString()),
            Connection = SdpConnection.For(local.Address),
            Media =
            [
                new SdpMedia
                {
                    Media = "audio",
                    Port = local.Port,
                    Formats = formats,
                    RtpMaps = maps,
                    Fmtps = new Dictionary<int, string> { [DefaultTelephoneEventPayloadType] = DtmfEvents },
                    Ptime = ptimeMilliseconds,
                    Direction = direction,
                },
            ],
        };
    }

    /// <summary>
    /// Answers an offer (RFC 3264 §6): the first audio stream gets the first offered G.711 law we support,
    /// under the offerer's payload type numbers (§6.1), telephone-event if offered, and the answering
    /// direction (sendonly ↔ recvonly, inactive stays inactive: holds, §8.4).
    /// </summary>
    public static SdpAnswerResult CreateAnswer(
        SessionDescription offer, IPEndPoint local, ulong sessionId, ulong sessionVersion,
        IReadOnlyList<G711Law> supported, MediaDirection localDirection = MediaDirection.SendRecv)
    {
        NegotiatedAudio? audio = null;
        var sections = new List<SdpMedia>();
        foreach (var offered in offer.Media)
        {
            var chosen = audio is null ? Choose(offered, supported) : null;
            if (chosen is null || offer.ConnectionOf(offered) is not { } remoteConnection)
            {
                sections.Add(offered with { Port = 0, Connection = null, RtpMaps = [], Fmtps = new Dictionary<int, string>(), Direction = null, Ptime = null, OtherAttributes = [] });
                continue;
            }
            var (law, payloadType, telephoneEvent) = chosen.Value;
            // c=0.0.0.0 is the RFC 2543 way to put a call on hold: the offerer does not want to receive (RFC 3264 §8.4).
            var offeredDirection = offer.DirectionOf(offered);
            if (remoteConnection.Address is "0.0.0.0" or "::")
                offeredDirection = offeredDirection is MediaDirection.SendRecv or MediaDirection.SendOnly ? MediaDirection.SendOnly : MediaDirection.Inactive;
            var direction = offeredDirection.Answer(localDirection);
            var ptime = offered.Ptime ?? 20;
            audio = new NegotiatedAudio(
                new IPEndPoint(IPAddress.Parse(remoteConnection.Address), offered.Port), law, payloadType, telephoneEvent, direction, ptime);
            var formats = new List<int> { payloadType };
            var maps = new List<SdpRtpMap> { MapFor(law) with { PayloadType = payloadType } };
            var fmtps = new Dictionary<int, string>();
            if (telephoneEvent is { } te)
            {
                formats.Add(te);
                maps.Add(new SdpRtpMap(te, TelephoneEvent, 8000));
                fmtps[te] = offered.Fmtps.TryGetValue(te, out var events) ? events : DtmfEvents;
            }
            sections.Add(new SdpMedia
            {
                Media = offered.Media,
                Port = local.Port,
                Protocol = offered.Protocol,
                Formats = formats,
                RtpMaps = maps,
                Fmtps = fmtps,
                Ptime = offered.Ptime,
                Direction = direction,
            });
        }
        var answer = new SessionDescription
        {
            Origin = new SdpOrigin("outbound", sessionId, sessionVersion, SdpConnection.For(local.Address).AddressType, local.Address.ToString()),
            Connection = SdpConnection.For(local.Address),
            Media = sections,
        };
        return new SdpAnswerResult(answer, audio);
    }

    /// <summary>
    /// Reads the answer to our offer: the first accepted audio stream, its law (the answerer's first
    /// format we offered) and telephone-event; null when every stream was rejected.
    /// </summary>
    public static NegotiatedAudio? ReadAnswer(SessionDescription answer, IReadOnlyList<G711Law> offered)
    {
        foreach (var media in answer.Media)
        {
            if (Choose(media, offered) is not { } chosen || answer.ConnectionOf(media) is not { } connection) continue;
            var theirDirection = answer.DirectionOf(media);
            // Their sendonly is our recvonly and vice versa.
            var ours = theirDirection switch
            {
                MediaDirection.SendOnly => MediaDirection.RecvOnly,
                MediaDirection.RecvOnly => MediaDirection.SendOnly,
                _ => theirDirection,
            };
            return new NegotiatedAudio(
                new IPEndPoint(IPAddress.Parse(connection.Address), media.Port), chosen.Law, chosen.PayloadType, chosen.TelephoneEvent, ours, media.Ptime ?? 20);
        }
        return null;
    }

    private static (G711Law Law, int PayloadType, int? TelephoneEvent)? Choose(SdpMedia media, IReadOnlyList<G711Law> supported)
    {
        if (media.Media != "audio" || media.Port == 0 || !media.Protocol.StartsWith("RTP/AVP", StringComparison.Ordinal)) return null;
        int? telephoneEvent = media.Formats.FirstOrDefault(pt => media.RtpMapFor(pt)?.Is(TelephoneEvent, 8000) == true, -1) is var te and >= 0 ? te : null;
        foreach (var payloadType in media.Formats)
        {
            var map = media.RtpMapFor(payloadType);
            foreach (var law in supported)
                if (map is not null && map.Is(MapFor(law).EncodingName, 8000))
                    return (law, payloadType, telephoneEvent);
        }
        return null;
    }

    private static SdpRtpMap MapFor(G711Law law) => law == G711Law.MuLaw ? new SdpRtpMap(0, "PCMU", 8000) : new SdpRtpMap(8, "PCMA", 8000);
}
