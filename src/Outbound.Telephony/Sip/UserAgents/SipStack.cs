using System.Collections.Concurrent;
using System.Globalization;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// The core of a user agent (RFC 3261 §8, §17): routes what the transport receives to client and server
/// transactions, in-dialog requests to their dialog's owner, and new requests to <see cref="RequestReceived"/>.
/// Handles CANCEL (§9.2) and answers requests nobody handles with 405/481.
/// </summary>
public sealed class SipStack : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ISipDialogUser> _dialogs = new();
    private readonly ConcurrentDictionary<string, Action> _cancelHandlers = new();

    public SipStack(SipTransport transport, TimeProvider time, SipTimerSettings? timers = null)
    {
        Transport = transport;
        Time = time;
        Transactions = new SipTransactionTable(transport, time, timers ?? SipTimerSettings.Default);
        transport.MessageReceived = OnMessage;
    }

    public SipTransport Transport { get; }
    public TimeProvider Time { get; }
    public SipTransactionTable Transactions { get; }

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

    public void AddDialog(string dialogId, ISipDialogUser user) => _dialogs[dialogId] = user;
    public void RemoveDialog(string dialogId) => _dialogs.TryRemove(dialogId, out _);

    public void SendStateless(SipMessage message, SipEndPoint remote) => Transport.Send(message, remote);

    private void OnMessage(SipMessage message, SipEndPoint source)
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
        if (RequestReceived is not { } handler)
        {
            incoming.Respond(request.Method == SipMethods.Options ? 200 : 405);
            return;
        }
        try
        {
            handler(incoming);
        }
        catch (Exception) when (!incoming.HasFinalResponse)
        {
            // A failing handler must not leave the server transaction waiting forever (§8.2: answer every request).
            incoming.Respond(500);
        }
    }

    private IncomingRequest CreateServerSide(SipRequest request, SipEndPoint source)
    {
        if (request.Method != SipMethods.Invite)
            return new IncomingRequest(request, source, Transactions.CreateServerNonInvite(request, source));
        var transaction = Transactions.CreateServerInvite(request, source, _ => { });
        var incoming = new IncomingRequest(request, source, transaction);
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
        cancelTransaction.Respond(SipResponse.For(cancel, 200, toTag: cancel.To.Tag ?? SipIds.Tag()));
        if (invite.State != SipTransactionState.Proceeding) return;
        if (_cancelHandlers.TryRemove(invite.Key, out var handler)) handler();
        else invite.Respond(SipResponse.For(invite.Request, 487, toTag: SipIds.Tag()));
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
