using Outbound.Telephony.Port;

namespace Outbound.Telephony.Simulated;

/// <summary>What one leg hears: <paramref name="Music"/> while on hold, else the legs in <paramref name="From"/>.</summary>
public sealed record LegHearing(string? Music, IReadOnlyList<CallLegId> From)
{
    public bool OnHold => Music is not null;
}

/// <summary>
/// Who hears whom among the simulated legs: bridges, mixes with their modes, and holds, following the rules of
/// <see cref="ITelephony.MixAsync"/> and <see cref="ITelephony.HoldAsync"/> (a leg is in at most one of them).
/// </summary>
internal sealed class SimulatedMedia
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CallLegId, CallLegId> _bridges = new();
    private readonly Dictionary<string, List<MixPart>> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<CallLegId, string> _roomOf = new();
    private readonly Dictionary<CallLegId, string> _held = new();

    public void Bridge(CallLegId a, CallLegId b)
    {
        lock (_gate)
        {
            Detach(a);
            Detach(b);
            _bridges[a] = b;
            _bridges[b] = a;
        }
    }

    public void Unbridge(CallLegId leg)
    {
        lock (_gate) Part(leg);
    }

    public void Mix(string room, IReadOnlyList<MixPart> parts)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(room, out var before))
                foreach (var gone in before.Where(b => parts.All(p => p.Leg != b.Leg))) _roomOf.Remove(gone.Leg);
            foreach (var part in parts)
            {
                if (_roomOf.GetValueOrDefault(part.Leg) != room) Detach(part.Leg);
                _held.Remove(part.Leg);
                _roomOf[part.Leg] = room;
            }
            if (parts.Count == 0) _rooms.Remove(room);
            else _rooms[room] = [.. parts];
        }
    }

    public void Hold(CallLegId leg, string music)
    {
        lock (_gate)
        {
            Detach(leg);
            _held[leg] = music;
        }
    }

    public void Retrieve(CallLegId leg)
    {
        lock (_gate) _held.Remove(leg);
    }

    public void Remove(CallLegId leg)
    {
        lock (_gate) Detach(leg);
    }

    public LegHearing Hearing(CallLegId leg)
    {
        lock (_gate)
        {
            if (_held.TryGetValue(leg, out var music)) return new LegHearing(music, []);
            if (_bridges.TryGetValue(leg, out var partner)) return new LegHearing(null, [partner]);
            if (_roomOf.TryGetValue(leg, out var room))
                return new LegHearing(null, _rooms[room].Where(p => p.IsHeardBy(leg)).Select(p => p.Leg).ToList());
            return new LegHearing(null, []);
        }
    }

    /// <summary>Takes a leg out of its bridge, mix or hold. Call under the gate.</summary>
    private void Detach(CallLegId leg)
    {
        Part(leg);
        _held.Remove(leg);
        if (!_roomOf.Remove(leg, out var room)) return;
        var parts = _rooms[room];
        parts.RemoveAll(p => p.Leg == leg);
        if (parts.Count == 0) _rooms.Remove(room);
    }

    private void Part(CallLegId leg)
    {
        if (_bridges.Remove(leg, out var partner)) _bridges.Remove(partner);
    }
}
