using System.Net;
using System.Net.Sockets;
using System.Text;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Sessions;
using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>
/// Just enough SIP over UDP on loopback for sipp to exchange media with our <see cref="RtpSession"/>:
/// as UAS it answers INVITE with 200 + SDP answer and BYE with 200; as UAC it sends INVITE with our
/// offer, ACKs the 200 and sends BYE. No retransmission (loopback does not lose datagrams). Test
/// scaffolding only: the product's SIP stack lives in Outbound.Telephony/Sip (branch sip).
/// </summary>
internal sealed class TinySipPeer : IDisposable
{
    private static readonly G711Law[] Codecs = [G711Law.MuLaw, G711Law.ALaw];
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Dictionary<string, byte[]> _answers = [];

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    /// <summary>Answers one call into <paramref name="session"/> and returns when the caller's BYE is answered.</summary>
    public async Task AnswerOneCallAsync(RtpSession session, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (message, from) = await ReceiveAsync(cancellationToken);
            var method = message.StartLine.Split(' ')[0];
            var callId = message.Header("Call-ID", "i");
            if (method == "INVITE")
            {
                if (!_answers.TryGetValue(callId, out var ok))
                {
                    var answer = SdpOfferAnswer.CreateAnswer(SessionDescription.Parse(message.Body), session.LocalEndPoint, 1, 1, Codecs);
                    session.Apply(answer.Audio ?? throw new InvalidOperationException("no common codec with sipp's offer"));
                    session.Start();
                    _answers[callId] = ok = Response(message, "200 OK", answer.Answer.ToString());
                }
                await _udp.SendAsync(ok, from, cancellationToken);
            }
            else if (method == "BYE")
            {
                await _udp.SendAsync(Response(message, "200 OK", null), from, cancellationToken);
                return;
            }
        }
    }

    /// <summary>Calls <paramref name="uas"/>, applies its SDP answer to <paramref name="session"/> and starts it; returns a hang-up action.</summary>
    public async Task<Func<Task>> CallAsync(IPEndPoint uas, RtpSession session, CancellationToken cancellationToken)
    {
        var (audio, hangUp) = await CallAsync(uas, session.LocalEndPoint, cancellationToken);
        session.Apply(audio);
        session.Start();
        return hangUp;
    }

    /// <summary>Calls <paramref name="uas"/> offering media at <paramref name="localMedia"/>; returns what was agreed and a hang-up action.</summary>
    public async Task<(NegotiatedAudio Audio, Func<Task> HangUp)> CallAsync(IPEndPoint uas, IPEndPoint localMedia, CancellationToken cancellationToken)
    {
        var callId = $"{Guid.NewGuid():N}@127.0.0.1";
        var offer = SdpOfferAnswer.CreateOffer(localMedia, 1, 1, Codecs).ToString();
        SipText response;
        do response = await InviteAsync(uas, callId, offer, cancellationToken);
        while (response.StartLine.Split(' ')[1].StartsWith('1'));
        if (!response.StartLine.Contains(" 200 ")) throw new InvalidOperationException($"call refused: {response.StartLine}");
        var audio = SdpOfferAnswer.ReadAnswer(SessionDescription.Parse(response.Body), Codecs)
            ?? throw new InvalidOperationException("sipp answered without usable audio");
        var to = response.Header("To", "t");
        await SendRequestAsync(uas, "ACK", callId, 1, to, null, cancellationToken);
        return (audio, async () =>
        {
            await SendRequestAsync(uas, "BYE", callId, 2, to, null, CancellationToken.None);
            SipText reply;
            do reply = (await ReceiveAsync(CancellationToken.None)).Message;
            while (!reply.Header("CSeq", "").EndsWith("BYE", StringComparison.Ordinal));
        });
    }

    /// <summary>Sends the INVITE again every 500 ms until the first response (sipp may still be starting).</summary>
    private async Task<SipText> InviteAsync(IPEndPoint uas, string callId, string offer, CancellationToken cancellationToken)
    {
        while (true)
        {
            await SendRequestAsync(uas, "INVITE", callId, 1, null, offer, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                return (await ReceiveAsync(wait.Token)).Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task SendRequestAsync(IPEndPoint uas, string method, string callId, int cseq, string? to, string? sdp, CancellationToken cancellationToken)
    {
        var local = EndPoint;
        var text = new StringBuilder()
            .Append($"{method} sip:service@{uas} SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N}\r\n")
            .Append($"From: <sip:outbound@{local}>;tag=ours1\r\n")
            .Append($"To: {to ?? $"<sip:service@{uas}>"}\r\n")
            .Append($"Call-ID: {callId}\r\n")
            .Append($"CSeq: {cseq} {method}\r\n")
            .Append($"Contact: <sip:outbound@{local}>\r\n")
            .Append("Max-Forwards: 70\r\n");
        await _udp.SendAsync(WithBody(text, sdp), uas, cancellationToken);
    }

    private byte[] Response(SipText request, string status, string? sdp)
    {
        var to = request.Header("To", "t");
        if (!to.Contains(";tag=", StringComparison.Ordinal)) to += ";tag=tiny1";
        var text = new StringBuilder($"SIP/2.0 {status}\r\n");
        foreach (var via in request.Headers("Via", "v")) text.Append($"Via: {via}\r\n");
        text.Append($"From: {request.Header("From", "f")}\r\n")
            .Append($"To: {to}\r\n")
            .Append($"Call-ID: {request.Header("Call-ID", "i")}\r\n")
            .Append($"CSeq: {request.Header("CSeq", "")}\r\n")
            .Append($"Contact: <sip:tiny@{EndPoint}>\r\n");
        return WithBody(text, sdp);
    }

    private static byte[] WithBody(StringBuilder text, string? sdp)
    {
        if (sdp is not null) text.Append("Content-Type: application/sdp\r\n");
        text.Append($"Content-Length: {Encoding.UTF8.GetByteCount(sdp ?? "")}\r\n\r\n").Append(sdp);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<(SipText Message, IPEndPoint From)> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var datagram = await _udp.ReceiveAsync(cancellationToken);
            var text = Encoding.UTF8.GetString(datagram.Buffer);
            if (text.Trim().Length > 0) return (SipText.Parse(text), datagram.RemoteEndPoint);
        }
    }

    public void Dispose() => _udp.Dispose();

    /// <summary>A SIP message split into start line, headers (full or compact names) and body.</summary>
    private sealed record SipText(string StartLine, IReadOnlyList<(string Name, string Value)> HeaderLines, string Body)
    {
        public static SipText Parse(string text)
        {
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var head = split < 0 ? text : text[..split];
            var lines = head.Split("\r\n");
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0].Trim(), p[1].Trim())).ToList();
            return new SipText(lines[0], headers, split < 0 ? "" : text[(split + 4)..]);
        }

        public IEnumerable<string> Headers(string name, string compact) =>
            HeaderLines.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || (compact != "" && h.Name == compact)).Select(h => h.Value);

        public string Header(string name, string compact) => Headers(name, compact).FirstOrDefault() ?? "";
    }
}
