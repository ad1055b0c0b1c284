using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip;

/// <summary>
/// A scripted SIP peer on a real socket — UDP, or one TCP connection — for protocol tests: it sends what a test
/// writes (built messages, or raw text when the point is a broken one) and checks what comes back in order, in the
/// chainable style of npgsql's PgServerMock:
/// <code>var ok = await peer.Send(peer.Invite(server, "95598")).ExpectResponse(100).ExpectResponse(200);</code>
/// Awaiting a chain runs it and gives the last message matched. Exact repeats of a message already seen (UDP
/// retransmissions) are passed over unless a step asks for one (<see cref="SipPeerSteps.ExpectRepeat"/>). No
/// retransmission of its own: loopback does not lose datagrams.
/// </summary>
internal sealed class SipTestPeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly bool _tcp;
    private readonly Channel<Received> _inbox = Channel.CreateUnbounded<Received>();
    private readonly HashSet<string> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _cseq;

    private SipTestPeer(Socket socket, bool tcp, IPEndPoint? server)
    {
        _socket = socket;
        _tcp = tcp;
        Server = server;
        _receiving = tcp ? Task.Run(ReadStreamAsync) : Task.Run(ReadDatagramsAsync);
    }

    /// <summary>A UDP peer on <paramref name="address"/> (127.0.0.1 by default) sending to <paramref name="server"/> unless told otherwise.</summary>
    public static SipTestPeer Udp(IPEndPoint? server = null, string address = "127.0.0.1")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        return new SipTestPeer(socket, tcp: false, server);
    }

    /// <summary>A peer with one TCP connection to <paramref name="server"/>.</summary>
    public static async Task<SipTestPeer> TcpAsync(IPEndPoint server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return new SipTestPeer(socket, tcp: true, server);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;
    /// <summary>Where messages go when no address is given; unset, the first address a message came from.</summary>
    public IPEndPoint? Server { get; set; }
    /// <summary>How long one expectation waits.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public string Transport => _tcp ? "TCP" : "UDP";
    /// <summary>The last message an expectation matched.</summary>
    public SipMessage? Last { get; private set; }
    public SipRequest LastRequest => Last as SipRequest ?? throw new InvalidOperationException("the last message matched is not a request");
    public SipResponse LastResponse => Last as SipResponse ?? throw new InvalidOperationException("the last message matched is not a response");

    // ---- Messages --------------------------------------------------------------------------------------------------

    /// <summary>An out-of-dialog request from this peer: fresh branch (with rport), tag and Call-ID, next CSeq, Max-Forwards 70.</summary>
    public SipRequest Request(string method, string user = "service", IPEndPoint? to = null, string? callId = null)
    {
        var target = to ?? Server ?? throw new InvalidOperationException("no server address");
        var request = new SipRequest { Method = method, Uri = SipUri.Create(user, target.Address.ToString(), target.Port) };
        request.Headers.Add("Via", $"SIP/2.0/{Transport} {EndPoint};branch={SipIds.Branch()};rport")
            .Add("Max-Forwards", "70")
            .Add("From", $"<sip:13900139000@{EndPoint.Address}>;tag={SipIds.Tag()}")
            .Add("To", $"<sip:{user}@{target.Address}>")
            .Add("Call-ID", callId ?? SipIds.CallId())
            .Add("CSeq", $"{Interlocked.Increment(ref _cseq)} {method}")
            .Add("Contact", $"<sip:13900139000@{EndPoint}" + (_tcp ? ";transport=tcp>" : ">"));
        return request;
    }

    /// <summary>An INVITE offering PCMU at <paramref name="rtpPort"/>.</summary>
    public SipRequest Invite(string user = "service", IPEndPoint? to = null, int rtpPort = 40000, string? callId = null)
    {
        var invite = Request(SipMethods.Invite, user, to, callId);
        invite.SetBody(SdpBody.ContentType, Sdp(rtpPort));
        return invite;
    }

    /// <summary>An audio offer or answer of PCMU from this peer; <paramref name="version"/> is the o= session version.</summary>
    public string Sdp(int rtpPort, string direction = "sendrecv", int version = 1) =>
        $"v=0\r\no=peer 4242 {version} IN IP4 {EndPoint.Address}\r\ns=-\r\nc=IN IP4 {EndPoint.Address}\r\nt=0 0\r\n"
        + $"m=audio {rtpPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n";

    /// <summary>The next request of the dialog <paramref name="invite"/> and its 2xx set up, from the caller's side.</summary>
    public SipRequest InDialog(string method, SipRequest invite, SipResponse ok)
    {
        var contact = ok.Contacts.FirstOrDefault()?.Uri ?? invite.Uri;
        var request = new SipRequest { Method = method, Uri = contact };
        request.Headers.Add("Via", $"SIP/2.0/{Transport} {EndPoint};branch={SipIds.Branch()};rport")
            .Add("Max-Forwards", "70")
            .Add("From", invite.Headers["From"]!)
            .Add("To", ok.Headers["To"]!)
            .Add("Call-ID", invite.CallId)
            .Add("CSeq", $"{(method == SipMethods.Ack ? invite.CSeq.Number : Interlocked.Increment(ref _cseq))} {method}")
            .Add("Contact", invite.Headers["Contact"]!);
        return request;
    }

    /// <summary>The ACK for <paramref name="final"/> to <paramref name="invite"/>: the INVITE's branch for a non-2xx (§17.1.1.3), a new one for a 2xx.</summary>
    public SipRequest Ack(SipRequest invite, SipResponse final)
    {
        var ack = InDialog(SipMethods.Ack, invite, final);
        if (!final.IsSuccess)
        {
            ack.Uri = invite.Uri;
            ack.Headers.Set("Via", invite.Headers["Via"]!);
        }
        ack.Headers.Remove("Contact");
        return ack;
    }

    /// <summary>The CANCEL of <paramref name="invite"/> (§9.1): its Request-URI, top Via, From, To, Call-ID and CSeq number.</summary>
    public static SipRequest Cancel(SipRequest invite)
    {
        var cancel = new SipRequest { Method = SipMethods.Cancel, Uri = invite.Uri };
        cancel.Headers.Add("Via", invite.Headers["Via"]!).Add("Max-Forwards", "70")
            .Add("From", invite.Headers["From"]!).Add("To", invite.Headers["To"]!)
            .Add("Call-ID", invite.CallId).Add("CSeq", $"{invite.CSeq.Number} CANCEL");
        return cancel;
    }

    /// <summary>A response to <paramref name="request"/> (§8.2.6): our To tag, an optional SDP body.</summary>
    public SipResponse Reply(SipRequest request, int status, string? sdp = null, string toTag = "peer")
    {
        var response = SipResponse.For(request, status, toTag: status > 100 ? toTag : null);
        response.Headers.Add("Contact", $"<sip:peer@{EndPoint}>");
        if (sdp is not null) response.SetBody(SdpBody.ContentType, sdp);
        return response;
    }

    // ---- Steps -----------------------------------------------------------------------------------------------------

    public SipPeerSteps Send(SipMessage message, IPEndPoint? to = null) => new SipPeerSteps(this).Send(message, to);
    public SipPeerSteps SendRaw(string text, IPEndPoint? to = null) => new SipPeerSteps(this).SendRaw(text, to);
    public SipPeerSteps ExpectRequest(string method, Action<SipRequest>? check = null) => new SipPeerSteps(this).ExpectRequest(method, check);
    public SipPeerSteps ExpectResponse(int status, Action<SipResponse>? check = null) => new SipPeerSteps(this).ExpectResponse(status, check);
    public SipPeerSteps ExpectRepeat() => new SipPeerSteps(this).ExpectRepeat();

    internal async Task SendBytesAsync(byte[] bytes, IPEndPoint? to)
    {
        if (_tcp) await _socket.SendAsync(bytes, SocketFlags.None);
        else await _socket.SendToAsync(bytes, SocketFlags.None, to ?? Server ?? throw new InvalidOperationException("no server address"));
    }

    /// <summary>The next message, passing over exact repeats of earlier ones unless <paramref name="repeats"/>.</summary>
    internal async Task<SipMessage> NextAsync(bool repeats, string expecting)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            Received received;
            try
            {
                received = await _inbox.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"{expecting}: nothing arrived within {Timeout}");
            }
            catch (ChannelClosedException)
            {
                throw new Xunit.Sdk.XunitException($"{expecting}: the server closed the connection");
            }
            var repeat = !_seen.Add(received.Text);
            if (repeat && !repeats) continue;
            var message = received.Message ?? throw new Xunit.Sdk.XunitException($"{expecting}: got a message that does not parse:\n{received.Text}");
            Last = message;
            return message;
        }
    }

    /// <summary>True once something arrived (not yet taken by a step) within <paramref name="wait"/>.</summary>
    public async Task<bool> WaitForAnythingAsync(TimeSpan wait)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(wait);
        try
        {
            return await _inbox.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Everything that arrived and no step has taken yet, without waiting.</summary>
    public IReadOnlyList<SipMessage> TakeArrived()
    {
        var arrived = new List<SipMessage>();
        while (_inbox.Reader.TryRead(out var received))
            if (_seen.Add(received.Text) && received.Message is { } message) arrived.Add(message);
        return arrived;
    }

    private async Task ReadDatagramsAsync()
    {
        var buffer = new byte[65535];
        try
        {
            while (true)
            {
                EndPoint any = new IPEndPoint(IPAddress.Any, 0);
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                Server ??= (IPEndPoint)result.RemoteEndPoint;   // a peer playing the callee answers whoever called it
                Accept(buffer.AsSpan(0, result.ReceivedBytes), isDatagram: true);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }

    private async Task ReadStreamAsync()
    {
        using var framer = new SipStreamFramer(1024 * 1024);
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0) break;
                framer.Append(buffer.AsSpan(0, read));
                while (framer.Next() is { } frame) Accept(frame, isDatagram: false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed or closed by the server.
        }
        _inbox.Writer.TryComplete();
    }

    /// <summary>True once the server closed our TCP connection.</summary>
    public bool ClosedByServer => _tcp && _receiving.IsCompleted;

    private void Accept(ReadOnlySpan<byte> data, bool isDatagram)
    {
        if (data.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0) return;   // keep-alive
        var parsed = SipMessageParser.Parse(data, isDatagram, new SipParseLimits(10_000, 1024 * 1024));
        _inbox.Writer.TryWrite(new Received(Encoding.UTF8.GetString(data), parsed.Message));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiving;
        }
        catch (Exception)
        {
            // Ended with the socket.
        }
    }

    private sealed record Received(string Text, SipMessage? Message);
}
