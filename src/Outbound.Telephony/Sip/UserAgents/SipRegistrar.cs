using System.Collections.Concurrent;
using System.Globalization;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// Registrar for agents' softphones (RFC 3261 §10.3): digest-authenticates, checks that the user registers its
/// own address-of-record, applies Min-Expires (423), removes bindings with expires=0 or <c>Contact: *</c>, refuses
/// more than <see cref="RegistrarOptions.MaxContactsPerAor"/> live contacts with 503, and stores each binding with the
/// source address of the REGISTER — whose TCP connection is kept open until the binding expires, since that is the
/// way back to a phone behind NAT.
/// </summary>
public sealed class SipRegistrar(DigestServer auth, TimeProvider time, RegistrarOptions options, SipTransport? transport = null)
{
    private readonly ConcurrentDictionary<string, List<RegistrarBinding>> _bindings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The live bindings of <paramref name="user"/>.</summary>
    public IReadOnlyList<RegistrarBinding> Lookup(string user)
    {
        if (!_bindings.TryGetValue(user, out var list)) return [];
        var now = time.GetUtcNow();
        lock (list) return list.Where(b => b.ExpiresAt > now).ToList();
    }

    /// <summary>Every live binding, for the admin's view of who is registered from where.</summary>
    public IReadOnlyList<RegistrarBinding> Live()
    {
        var now = time.GetUtcNow();
        var live = new List<RegistrarBinding>();
        foreach (var list in _bindings.Values)
            lock (list) live.AddRange(list.Where(b => b.ExpiresAt > now));
        return live;
    }

    public void Handle(IncomingRequest incoming)
    {
        var request = incoming.Request;
        switch (auth.Verify(request, out var username))
        {
            case DigestVerdict.Missing:
                incoming.Respond(auth.ChallengeFor(request, stale: false));
                return;
            case DigestVerdict.Stale:
                incoming.Respond(auth.ChallengeFor(request, stale: true));
                return;
            case DigestVerdict.Rejected:
                incoming.Respond(SipResponse.For(request, 403, toTag: SipIds.Tag()));
                return;
        }
        // §10.3 step 3: an agent may only bind its own address-of-record.
        if (!string.Equals(request.To.Uri.User, username, StringComparison.OrdinalIgnoreCase))
        {
            incoming.Respond(SipResponse.For(request, 403, "Not your address-of-record", SipIds.Tag()));
            return;
        }
        incoming.Respond(Register(request, username!, incoming));
    }

    private SipResponse Register(SipRequest request, string user, IncomingRequest incoming)
    {
        var now = time.GetUtcNow();
        var list = _bindings.GetOrAdd(user, _ => []);
        var contactValues = request.Headers.GetAll(SipHeaderNames.Contact);
        lock (list)
        {
            list.RemoveAll(b => b.ExpiresAt <= now);
            if (contactValues.Any(c => c.Trim() == "*"))
            {
                // §10.3 step 6: "*" only alone and with Expires: 0 — remove every binding.
                if (contactValues.Count != 1 || request.Expires != 0) return SipResponse.For(request, 400, "Contact * needs Expires: 0", SipIds.Tag());
                list.Clear();
                return Ok(request, list, now);
            }

            var changes = new List<(SipUri Contact, TimeSpan Expires)>();
            foreach (var contact in request.Contacts)
            {
                var seconds = contact.Parameters["expires"] is { } p && long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                    : request.Expires ?? (long)options.DefaultExpires.TotalSeconds;
                var expires = TimeSpan.FromSeconds(Math.Min(seconds, (long)options.MaxExpires.TotalSeconds));
                if (expires > TimeSpan.Zero && expires < options.MinExpires)
                {
                    var tooBrief = SipResponse.For(request, 423, toTag: SipIds.Tag());
                    tooBrief.Headers.Add(SipHeaderNames.MinExpires, SipStack.Seconds(options.MinExpires));
                    return tooBrief;
                }
                changes.Add((contact.Uri, expires));
            }

            var added = changes.Count(c => c.Expires > TimeSpan.Zero && !list.Exists(b => b.Contact.ToString() == c.Contact.ToString()));
            var removed = changes.Count(c => c.Expires == TimeSpan.Zero && list.Exists(b => b.Contact.ToString() == c.Contact.ToString()));
            if (list.Count - removed + added > options.MaxContactsPerAor)
            {
                var full = SipResponse.For(request, 503, "Too many registered contacts", SipIds.Tag());
                full.Headers.Add(SipHeaderNames.RetryAfter, SipStack.Seconds(options.MinExpires));
                return full;
            }
            foreach (var (contact, expires) in changes)
            {
                var key = contact.ToString();
                var existing = list.FindIndex(b => b.Contact.ToString() == key);
                // §10.3 step 7: same Call-ID with an older CSeq is a stale retransmission.
                if (existing >= 0 && list[existing].CallId == request.CallId && list[existing].CSeq >= request.CSeq.Number) continue;
                if (existing >= 0) list.RemoveAt(existing);
                if (expires <= TimeSpan.Zero) continue;
                list.Add(new RegistrarBinding(user, contact, incoming.Source, request.CallId, request.CSeq.Number, now + expires));
                transport?.KeepOpenUntil(incoming.Source, now + expires);
            }
            return Ok(request, list, now);
        }
    }

    private static SipResponse Ok(SipRequest request, List<RegistrarBinding> bindings, DateTimeOffset now)
    {
        var ok = SipResponse.For(request, 200, toTag: SipIds.Tag());
        foreach (var binding in bindings)
        {
            var contact = NameAddress.For(binding.Contact);
            contact.Parameters.Set("expires", SipStack.Seconds(binding.ExpiresAt - now));
            ok.Headers.Add(SipHeaderNames.Contact, contact.ToString());
        }
        return ok;
    }
}
