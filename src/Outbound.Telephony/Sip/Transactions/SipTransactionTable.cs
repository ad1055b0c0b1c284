using System.Collections.Concurrent;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.Transactions;

/// <summary>
/// Matches messages to transactions (RFC 3261 §17.1.3, §17.2.3) and creates them; a transaction leaves the
/// table when it terminates.
/// </summary>
public sealed class SipTransactionTable(ISipSender sender, TimeProvider time, SipTimerSettings timers)
{
    private readonly ConcurrentDictionary<string, SipTransaction> _transactions = new();

    public int Count => _transactions.Count;
    public IReadOnlyCollection<SipTransaction> Active => _transactions.Values.ToList();
    public SipTimerSettings Timers => timers;

    public ClientInviteTransaction StartInvite(SipRequest invite, SipEndPoint remote, Action<SipResponse> onResponse, Action<SipTransactionError> onError)
    {
        var transaction = new ClientInviteTransaction(invite, remote, sender, time, timers, onResponse, onError);
        Track(transaction);
        transaction.Start();
        return transaction;
    }

    public ClientNonInviteTransaction StartNonInvite(SipRequest request, SipEndPoint remote, Action<SipResponse> onResponse, Action<SipTransactionError> onError)
    {
        var transaction = new ClientNonInviteTransaction(request, remote, sender, time, timers, onResponse, onError);
        Track(transaction);
        transaction.Start();
        return transaction;
    }

    /// <summary>Hands a response to its client transaction; false when none matches (e.g. a late 2xx retransmission).</summary>
    public bool DeliverResponse(SipResponse response)
    {
        var vias = response.Vias;
        if (vias.Count == 0 || vias[0].Branch is not { } branch) return false;
        if (!_transactions.TryGetValue(SipTransaction.ClientKey(branch, response.CSeq.Method), out var transaction)) return false;
        switch (transaction)
        {
            case ClientInviteTransaction invite: invite.ReceiveResponse(response); break;
            case ClientNonInviteTransaction other: other.ReceiveResponse(response); break;
        }
        return true;
    }

    /// <summary>True while a client transaction of ours with this branch and method is alive (loop detection).</summary>
    public bool HasClient(string branch, string method) => _transactions.ContainsKey(SipTransaction.ClientKey(branch, method));

    /// <summary>The server transaction a request belongs to (a retransmission, or the ACK of a non-2xx), if any.</summary>
    public SipTransaction? FindServer(SipRequest request) =>
        request.TopVia.Branch is null ? null : _transactions.GetValueOrDefault(SipTransaction.ServerKey(request));

    /// <summary>The INVITE server transaction a CANCEL refers to (§9.2: same branch, sent-by).</summary>
    public ServerInviteTransaction? FindInviteFor(SipRequest cancel)
    {
        var via = cancel.TopVia;
        return _transactions.GetValueOrDefault($"s|{via.Branch}|{via.Host}:{via.Port ?? 5060}|{SipMethods.Invite}") as ServerInviteTransaction;
    }

    public ServerInviteTransaction CreateServerInvite(SipRequest invite, SipEndPoint remote, Action<SipTransactionError> onError)
    {
        var transaction = new ServerInviteTransaction(invite, remote, sender, time, timers, onError);
        Track(transaction);
        return transaction;
    }

    public ServerNonInviteTransaction CreateServerNonInvite(SipRequest request, SipEndPoint remote)
    {
        var transaction = new ServerNonInviteTransaction(request, remote, sender, time, timers);
        Track(transaction);
        return transaction;
    }

    private void Track(SipTransaction transaction)
    {
        _transactions[transaction.Key] = transaction;
        transaction.Terminated += t => _transactions.TryRemove(new KeyValuePair<string, SipTransaction>(t.Key, t));
    }
}
