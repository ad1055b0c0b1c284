using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// The core of a user agent (RFC 3261 §8, §17): routes what the transport receives to client and server
/// transactions, in-dialog requests to their dialog's owner, and new requests to <see cref="RequestReceived"/>.
/// Before any of that it answers what no user needs to see (§8.2): 501 to a method it does not know, 420 with
/// Unsupported to a Require it cannot meet, 415 with Accept to an INVITE or UPDATE whose body is not SDP (a multipart
/// body is cut down to its SDP part), 200 with Allow, Accept and Supported to OPTIONS (§11.2). Handles CANCEL (§9.2),
/// answers in-dialog requests for unknown dialogs with 481, and keeps a TCP connection open while a dialog uses it.
/// </summary>
public sealed class SipStack : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ISipDialogUser> _dialogs = new();
    private readonly ConcurrentDictionary<string, Action> _cancelHandlers = new();

    public SipStack(SipTransport transport, TimeProvider time, SipTimerSettings? timers = null, SessionTimerOptions? sessionTimers = null,
        ILogger? logger = null)
    {
        Transport = transport;
        Time = time;
        Transactions = new SipTransactionTable(transport, time, timers ?? SipTimerSettings.Default);
        SessionTimers = sessionTimers ?? SessionTimerOptions.Default;
        Logger = logger ?? NullLogger.Instance;
        Capabilities = SessionTimers.Enabled ? SipCapabilities.Default : SipCapabilities.Default with { Supported = [] };
        transport.MessageReceived = OnMessage;
    }

    public SipTransport Transport { get; }
    public TimeProvider Time { get; }
    public SipTransactionTable Transactions { get; }
    /// <summary>The session timers every call on this stack negotiates.</summary>
    public SessionTimerOptions SessionTimers { get; }
    public ILogger Logger { get; }
    /// <summary>Methods allowed, bodies accepted, extensions supported; a user that handles more (REGISTER) adds it.</summary>
    public SipCapabilities Capabilities { get; set; }

    /// <summary>New out-of-dialog requests (INVITE, REGISTER, OPTIONS, …). Unset: 405 for all but OPTIONS (200).</summary>
    public Action<IncomingRequest>? RequestReceived { get; set; }

    public string Host => Transport.LocalEndPoint.Address.ToString();
    public int Port => Transport.LocalEndPoint.Port;
    public int DialogCount => _dialogs.Count;

    public SipUri ContactUri(string? user, SipTransportKind transport = SipTransportKind.Udp)
    {
        var uri = SipUri.Create(user, Host, Port);
        if (transport == SipTransportKind.Tcp) uri.Parameters.Set("transport", "tcp");
        return uri;
    }

    public string NewVia(SipTransportKind transport) =>
        ViaHeader.Create(transport == SipTransportKind.Tcp ? "TCP" : "UDP", Host, Port, SipIds.Branch()).ToString();

    public void AddDialog(SipDialog dialog, ISipDialogUser user)
    {
        if (_dialogs.TryAdd(dialog.Id, user)) Transport.Hold(dialog.Peer);
    }

    public void RemoveDialog(SipDialog dialog)
    {
        if (_dialogs.TryRemove(dialog.Id, out _)) Transport.Release(dialog.Peer);
    }

    public void SendStateless(SipMessage message, SipEndPoint remote) => Transport.Send(message, remote);

    private void OnMessage(SipMessage message, SipEndPoint source, TimeSpan queued)
    {
        if (message is SipResponse response)
        {
            if (!Transactions.DeliverResponse(response) && response.IsSuccess && response.CSeq.Method == SipMethods.Invite
                && _dialogs.TryGetValue(SipDialog.Key(response.CallId, response.From.Tag ?? string.Empty, response.To.Tag ?? string.Empty), out var owner))
                owner.OnRetransmitted2xx(response);
            return;
        }
        OnRequest((SipRequest)message, source);
    }

    private void OnRequest(SipRequest request, SipEndPoint source)
    {
        var existing = Transactions.FindServer(request);
        if (existing is ServerInviteTransaction invite)
        {
            // An ACK that reuses the INVITE's branch for a 2xx (RFC 2543 style) still belongs to the dialog.
            var ackFor2xx = request.Method == SipMethods.Ack && invite.State == SipTransactionState.Accepted;
            invite.ReceiveRequest(request);
            if (!ackFor2xx) return;
        }
        else if (existing is ServerNonInviteTransaction other)
        {
            other.ReceiveRequest(request);
            return;
        }

        var toTag = request.To.Tag;
        var dialogOwner = toTag is null ? null : _dialogs.GetValueOrDefault(SipDialog.Key(request.CallId, toTag, request.From.Tag ?? string.Empty));
        if (request.Method == SipMethods.Ack)
        {
            dialogOwner?.OnAck(request);   // ACK for a 2xx: no transaction (§17.2.1)
            return;
        }
        if (request.Method == SipMethods.Cancel)
        {
            HandleCancel(request, source);
            return;
        }

        var incoming = CreateServerSide(request, source);
        if (!Screen(incoming)) return;
        if (dialogOwner is not null)
        {
            dialogOwner.OnRequest(incoming);
            return;
        }
        if (toTag is not null)
        {
            incoming.Respond(481);   // §12.2.2: in-dialog request for a dialog we do not know
            return;
        }
        if (request.Method == SipMethods.Options)
        {
            incoming.Respond(Capabilities.AddAll(SipResponse.For(request, 200, toTag: incoming.LocalTag)));
            return;
        }
        if (RequestReceived is not { } handler)
        {
            incoming.Respond(405);
            return;
        }
        try
        {
            handler(incoming);
        }
        catch (Exception e) when (!incoming.HasFinalResponse)
        {
            // A failing handler must not leave the server transaction waiting forever (§8.2: answer every request).
            Logger.LogError(e, "SIP {Method} handler failed; answered 500", request.Method);
            incoming.Respond(500);
        }
    }

    /// <summary>§8.2.1–8.2.3: what is answered before any user sees the request. False when it has been answered.</summary>
    private bool Screen(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (!SipCapabilities.IsKnown(request.Method))
        {
            incoming.Respond(501);
            return false;
        }
        if (Capabilities.UnsupportedOf(request) is { Count: > 0 } unsupported)
        {
            var badExtension = SipResponse.For(request, 420, toTag: incoming.LocalTag);
            badExtension.Headers.Add(SipHeaderNames.Unsupported, string.Join(", ", unsupported));
            incoming.Respond(badExtension);
            return false;
        }
        if (request.Method is SipMethods.Invite or SipMethods.Update && !SdpBody.Normalize(request))
        {
            var unsupportedType = SipResponse.For(request, 415, toTag: incoming.LocalTag);
            unsupportedType.Headers.Add(SipHeaderNames.Accept, string.Join(", ", Capabilities.Accept));
            incoming.Respond(unsupportedType);
            return false;
        }
        return true;
    }

    private IncomingRequest CreateServerSide(SipRequest request, SipEndPoint source)
    {
        if (request.Method != SipMethods.Invite)
            return new IncomingRequest(request, source, Transactions.CreateServerNonInvite(request, source), Capabilities);
        var transaction = Transactions.CreateServerInvite(request, source, _ => { });
        var incoming = new IncomingRequest(request, source, transaction, Capabilities);
        transaction.Respond(SipResponse.For(request, 100));   // §17.2.1: answer at once so the client stops retransmitting
        return incoming;
    }

    private void HandleCancel(SipRequest cancel, SipEndPoint source)
    {
        var cancelTransaction = Transactions.CreateServerNonInvite(cancel, source);
        var invite = Transactions.FindInviteFor(cancel);
        if (invite is null)
        {
            cancelTransaction.Respond(SipResponse.For(cancel, 481, toTag: SipIds.Tag()));
            return;
        }
        // §9.2: the 200 to the CANCEL and the 487 to the INVITE carry the same To tag.
        cancelTransaction.Respond(SipResponse.For(cancel, 200, toTag: invite.ToTag));
        if (invite.State != SipTransactionState.Proceeding) return;
        if (_cancelHandlers.TryRemove(invite.Key, out var handler)) handler();
        else invite.Respond(SipResponse.For(invite.Request, 487, toTag: invite.ToTag));
    }

    /// <summary>Registers what happens when the INVITE of <paramref name="incoming"/> is cancelled.</summary>
    public void OnCancel(IncomingRequest incoming, Action handler) =>
        _cancelHandlers[SipTransaction.ServerKey(incoming.Request)] = handler;

    /// <summary>Forgets a cancel handler once the INVITE got its final response.</summary>
    public void ForgetCancel(IncomingRequest incoming) => _cancelHandlers.TryRemove(SipTransaction.ServerKey(incoming.Request), out _);

    /// <summary>Seconds of an Expires-like header for messages we build.</summary>
    public static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Transport.DisposeAsync();
}
