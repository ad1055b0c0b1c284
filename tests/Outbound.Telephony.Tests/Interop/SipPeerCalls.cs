using System.Net;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Sessions;
using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Tests.Sip;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>
/// Just enough call for sipp to exchange media with our <see cref="RtpSession"/>, written as <see cref="SipTestPeer"/>
/// steps: answer one call (200 with an SDP answer, then its ACK and BYE), or place one (INVITE with our offer, ACK,
/// BYE). The product's own user agents are tested elsewhere; here only the media matters.
/// </summary>
internal static class SipPeerCalls
{
    private static readonly G711Law[] Codecs = [G711Law.MuLaw, G711Law.ALaw];

    /// <summary>Answers one call into <paramref name="session"/> and returns when the caller's BYE is answered.</summary>
    public static async Task AnswerOneCallAsync(this SipTestPeer peer, RtpSession session)
    {
        var invite = (SipRequest)(await peer.ExpectRequest(SipMethods.Invite))!;
        var answer = SdpOfferAnswer.CreateAnswer(SessionDescription.Parse(invite.BodyText), session.LocalEndPoint, 1, 1, Codecs);
        session.Apply(answer.Audio ?? throw new InvalidOperationException("no common codec with sipp's offer"));
        session.Start();
        await peer.Send(peer.Reply(invite, 200, answer.Answer.ToString())).ExpectRequest(SipMethods.Ack).ExpectRequest(SipMethods.Bye).Reply(200);
    }

    /// <summary>Calls <paramref name="uas"/>, applies its SDP answer to <paramref name="session"/> and starts it; returns a hang-up action.</summary>
    public static async Task<Func<Task>> CallAsync(this SipTestPeer peer, IPEndPoint uas, RtpSession session)
    {
        var (audio, hangUp) = await peer.CallAsync(uas, session.LocalEndPoint);
        session.Apply(audio);
        session.Start();
        return hangUp;
    }

    /// <summary>
    /// Calls <paramref name="uas"/> offering media at <paramref name="localMedia"/>, sending the INVITE again every 500 ms
    /// until sipp answers anything (it may still be starting); returns what was agreed and a hang-up action.
    /// </summary>
    public static async Task<(NegotiatedAudio Audio, Func<Task> HangUp)> CallAsync(this SipTestPeer peer, IPEndPoint uas, IPEndPoint localMedia)
    {
        var invite = peer.Request(SipMethods.Invite, "service", uas);
        invite.SetBody(SdpBody.ContentType, SdpOfferAnswer.CreateOffer(localMedia, 1, 1, Codecs).ToString());
        do await peer.Send(invite, uas);
        while (!await peer.WaitForAnythingAsync(TimeSpan.FromMilliseconds(500)));
        var ok = (SipResponse)(await peer.ExpectResponse(200))!;
        var audio = SdpOfferAnswer.ReadAnswer(SessionDescription.Parse(ok.BodyText), Codecs)
            ?? throw new InvalidOperationException("sipp answered without usable audio");
        await peer.Send(peer.Ack(invite, ok), uas);
        return (audio, async () => await peer.Send(peer.InDialog(SipMethods.Bye, invite, ok), uas).ExpectResponse(200));
    }
}
