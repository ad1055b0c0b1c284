using System.Collections.Concurrent;
using Outbound.Telephony;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Simulation;

/// <summary>One outbound leg as the carrier saw it.</summary>
/// <param name="AnsweredAs">The verdict the answer came with (the detector's, or unknown without it).</param>
/// <param name="BridgedAt">When it was first put through to an agent.</param>
/// <param name="EndedByUs">The dialer hung up (an abandon, or the detector's machine verdict); false when the callee did.</param>
/// <param name="Prompted">The dialer played a prompt to it (the information message of an abandoned call).</param>
public sealed record ObservedLeg(
    CallLegId Leg,
    string Number,
    DateTimeOffset PlacedAt,
    DateTimeOffset? AnsweredAt,
    AnsweredBy? AnsweredAs,
    DateTimeOffset? BridgedAt,
    DateTimeOffset? EndedAt,
    bool EndedByUs,
    bool Prompted);

/// <summary>
/// The carrier side of the live bench: passes everything to the real telephony and notes, per outbound leg, when it was
/// placed, answered, put through and ended, and by whom — a black-box record of what the dialer did to the people it
/// called, read afterwards for the truth (live calls, abandons, the detector's false positives, violations).
/// </summary>
public sealed class ObservedTelephony(ITelephony inner, TimeProvider time) : ITelephony
{
    private readonly ConcurrentDictionary<CallLegId, ObservedLeg> _legs = new();

    public IReadOnlyCollection<ObservedLeg> Legs => _legs.Values.ToList();

    public async Task<CallLegId> OriginateAsync(OriginateRequest request, ITelephonyEventSink events, CancellationToken ct = default)
    {
        var placedAt = time.GetUtcNow();
        var sink = new Sink(this, events);
        var leg = await inner.OriginateAsync(request, sink, ct);
        _legs.TryAdd(leg, new ObservedLeg(leg, request.Number, placedAt, null, null, null, null, false, false));
        sink.Attach(leg);
        return leg;
    }

    public Task<CallLegId> ConnectAgentAsync(AgentEndpoint agent, ITelephonyEventSink events, CancellationToken ct = default) =>
        inner.ConnectAgentAsync(agent, events, ct);

    public Task BridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default)
    {
        Update(customer, l => l.BridgedAt is null ? l with { BridgedAt = time.GetUtcNow() } : l);
        return inner.BridgeAsync(customer, agent, ct);
    }

    public Task UnbridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default) => inner.UnbridgeAsync(customer, agent, ct);

    public Task MixAsync(string room, IReadOnlyList<MixPart> parts, CancellationToken ct = default) => inner.MixAsync(room, parts, ct);

    public Task HoldAsync(CallLegId leg, string musicPromptId, CancellationToken ct = default) => inner.HoldAsync(leg, musicPromptId, ct);

    public Task RetrieveAsync(CallLegId leg, CancellationToken ct = default) => inner.RetrieveAsync(leg, ct);

    public Task PlayPromptAsync(CallLegId leg, string promptId, CancellationToken ct = default)
    {
        Update(leg, l => l with { Prompted = true });
        return inner.PlayPromptAsync(leg, promptId, ct);
    }

    public Task StartRecordingAsync(CallLegId leg, string path, CancellationToken ct = default) => inner.StartRecordingAsync(leg, path, ct);

    public Task StopRecordingAsync(CallLegId leg, CancellationToken ct = default) => inner.StopRecordingAsync(leg, ct);

    public Task HangUpAsync(CallLegId leg, HangupCause cause = HangupCause.Normal, CancellationToken ct = default) => inner.HangUpAsync(leg, cause, ct);

    private void Update(CallLegId leg, Func<ObservedLeg, ObservedLeg> change)
    {
        while (_legs.TryGetValue(leg, out var before) && !_legs.TryUpdate(leg, change(before), before)) { }
    }

    /// <summary>Notes the leg's answer and end on their way to the dialer. Events before the leg is known are noted when it is.</summary>
    private sealed class Sink(ObservedTelephony owner, ITelephonyEventSink inner) : ITelephonyEventSink
    {
        private readonly List<TelephonyEvent> _early = [];
        private CallLegId? _leg;

        public void Attach(CallLegId leg)
        {
            lock (_early)
            {
                _leg = leg;
                foreach (var e in _early) Note(e);
                _early.Clear();
            }
        }

        public void On(TelephonyEvent e)
        {
            lock (_early)
            {
                if (_leg is null) _early.Add(e);
                else Note(e);
            }
            inner.On(e);
        }

        private void Note(TelephonyEvent e)
        {
            switch (e)
            {
                case TelephonyEvent.Answered a:
                    owner.Update(a.Leg, l => l with { AnsweredAt = a.At, AnsweredAs = a.By });
                    break;
                case TelephonyEvent.HungUp h:
                    owner.Update(h.Leg, l => l.EndedAt is null ? l with { EndedAt = h.At, EndedByUs = !h.ByRemote } : l);
                    break;
                case TelephonyEvent.Failed f:
                    owner.Update(f.Leg, l => l.EndedAt is null ? l with { EndedAt = f.At } : l);
                    break;
            }
        }
    }
}
