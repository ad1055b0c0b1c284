using System.Net;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.Dialogs;

/// <summary>
/// Dialog state of RFC 3261 §12: Call-ID and tags, local and remote CSeq, remote target and route set.
/// Builds in-dialog requests (§12.2.1.1, loose and strict routing) and checks remote CSeq order (§12.2.2).
/// </summary>
public sealed class SipDialog
{
    private readonly object _gate = new();
    private long _localSeq;
    private long? _remoteSeq;

    private SipDialog(string callId, NameAddress local, NameAddress remote, SipUri remoteTarget, IReadOnlyList<NameAddress> routeSet,
        long localSeq, long? remoteSeq, SipEndPoint peer, bool isCaller)
    {
        IsCaller = isCaller;
        CallId = callId;
        Local = local;
        Remote = remote;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localSeq = localSeq;
        _remoteSeq = remoteSeq;
        Peer = peer;
    }

    public string CallId { get; }
    /// <summary>True on the side that sent the INVITE (it owns the Call-ID, §14.1).</summary>
    public bool IsCaller { get; }
    /// <summary>Our party with our tag (From of the requests we send).</summary>
    public NameAddress Local { get; }
    /// <summary>The peer's party with its tag.</summary>
    public NameAddress Remote { get; }
    public string LocalTag => Local.Tag!;
    public string RemoteTag => Remote.Tag ?? string.Empty;
    public SipUri RemoteTarget { get; private set; }
    public IReadOnlyList<NameAddress> RouteSet { get; }
    /// <summary>Where the peer was last heard from; used when the next hop is a name rather than an address.</summary>
    public SipEndPoint Peer { get; }
    public long LocalSeq { get { lock (_gate) return _localSeq; } }

    /// <summary>Key the stack dispatches in-dialog requests by.</summary>
    public string Id => Key(CallId, LocalTag, RemoteTag);
    public static string Key(string callId, string localTag, string remoteTag) => $"{callId}|{localTag}|{remoteTag}";

    /// <summary>UAC side (§12.1.2): route set is the Record-Route of the response reversed; target its Contact.</summary>
    public static SipDialog FromResponse(SipRequest invite, SipResponse response, SipEndPoint peer)
    {
        var target = response.Contacts.FirstOrDefault()?.Uri ?? invite.Uri;
        var routes = response.RecordRoutes.Reverse().ToList();
        return new SipDialog(invite.CallId, invite.From, response.To, target, routes, invite.CSeq.Number, null, peer, isCaller: true);
    }

    /// <summary>UAS side (§12.1.1): route set is the request's Record-Route in order; target its Contact.</summary>
    public static SipDialog FromRequest(SipRequest invite, string localTag, SipEndPoint peer)
    {
        var target = invite.Contacts.FirstOrDefault()?.Uri ?? invite.From.Uri;
        return new SipDialog(invite.CallId, invite.To.WithTag(localTag), invite.From, target, invite.RecordRoutes.ToList(),
            0, invite.CSeq.Number, peer, isCaller: false);
    }

    /// <summary>A new in-dialog request with the next local CSeq (§12.2.1.1).</summary>
    public SipRequest CreateRequest(string method, string via, SipUri contact)
    {
        long seq;
        lock (_gate) seq = ++_localSeq;
        return Build(method, seq, via, contact);
    }

    /// <summary>The ACK for a 2xx: the INVITE's CSeq number, a new branch (§13.2.2.4).</summary>
    public SipRequest CreateAck(long inviteSeq, string via, SipUri contact) => Build(SipMethods.Ack, inviteSeq, via, contact);

    private SipRequest Build(string method, long seq, string via, SipUri contact)
    {
        SipUri requestUri;
        var routes = new List<string>();
        if (RouteSet.Count == 0 || RouteSet[0].Uri.LooseRouting)
        {
            requestUri = RemoteTarget;
            routes.AddRange(RouteSet.Select(r => r.ToString()));
        }
        else
        {
            // Strict routing (§12.2.1.1): the first route becomes the Request-URI, the remote target goes last.
            requestUri = RouteSet[0].Uri.WithoutParameters();
            routes.AddRange(RouteSet.Skip(1).Select(r => r.ToString()));
            routes.Add(NameAddress.For(RemoteTarget).ToString());
        }
        var request = new SipRequest { Method = method, Uri = requestUri };
        request.Headers.Add(SipHeaderNames.Via, via);
        foreach (var route in routes) request.Headers.Add(SipHeaderNames.Route, route);
        request.Headers.Add(SipHeaderNames.MaxForwards, "70")
            .Add(SipHeaderNames.From, Local.ToString())
            .Add(SipHeaderNames.To, Remote.ToString())
            .Add(SipHeaderNames.CallId, CallId)
            .Add(SipHeaderNames.CSeq, new CSeqHeader(seq, method).ToString());
        if (method is SipMethods.Invite) request.Headers.Add(SipHeaderNames.Contact, NameAddress.For(contact).ToString());
        return request;
    }

    /// <summary>
    /// §12.2.2: a request with a CSeq lower than (or, except ACK, equal to) the last one is out of order and gets 500.
    /// </summary>
    public bool AcceptRemoteSequence(SipRequest request)
    {
        var seq = request.CSeq.Number;
        lock (_gate)
        {
            if (request.Method == SipMethods.Ack) return _remoteSeq is null || seq <= _remoteSeq;
            if (_remoteSeq is { } last && seq <= last) return false;
            _remoteSeq = seq;
            return true;
        }
    }

    /// <summary>Target refresh (§12.2.1.2, §12.2.2): a re-INVITE or its 2xx may carry a new Contact.</summary>
    public void RefreshTarget(SipMessage message)
    {
        if (message.Contacts.FirstOrDefault() is { } contact) RemoteTarget = contact.Uri;
    }

    /// <summary>Where to send the next in-dialog request: the first loose route, else the remote target; a host name falls back to the peer's address.</summary>
    public SipEndPoint NextHop()
    {
        var uri = RouteSet.Count > 0 ? RouteSet[0].Uri : RemoteTarget;
        var transport = uri.Transport == "TCP" ? SipTransportKind.Tcp : Peer.Transport;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
            ? new SipEndPoint(transport, new IPEndPoint(address, uri.Port ?? 5060))
            : Peer;
    }
}
