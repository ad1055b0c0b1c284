namespace Outbound.Core.Pacing;

/// <summary>
/// Releases the outcomes of dials in the order the dials were placed, each once it and every earlier dial are known.
/// Outcomes come in at very different times — a busy after a second or two, a human at the answer, a no-answer only at
/// the ring timeout — so counting them as they arrive makes a fresh burst of dials look like busies and almost no
/// answers, and the pacing that reads the rates over-dials.
/// </summary>
public sealed class DialOrderOutcomes<T>
{
    private readonly Dictionary<long, (bool Counted, T? Outcome)> _known = [];
    private long _placed, _next;

    /// <summary>A new dial; its number identifies it to <see cref="Resolve"/> and <see cref="Drop"/>.</summary>
    public long Place() => _placed++;

    /// <summary>The dial's outcome is known (a later word on the same dial is ignored); returns the outcomes released now, in dial order.</summary>
    public IReadOnlyList<T> Resolve(long dial, T outcome) => Settle(dial, (true, outcome));

    /// <summary>The dial never happened or was lost: it counts as nothing but no longer holds back later ones.</summary>
    public IReadOnlyList<T> Drop(long dial) => Settle(dial, (false, default));

    /// <summary>Dials placed whose outcome is not yet released.</summary>
    public long Pending => _placed - _next;

    private IReadOnlyList<T> Settle(long dial, (bool Counted, T? Outcome) settled)
    {
        if (dial < _next || dial >= _placed || !_known.TryAdd(dial, settled)) return [];
        List<T>? released = null;
        while (_known.Remove(_next, out var next))
        {
            _next++;
            if (next.Counted) (released ??= []).Add(next.Outcome!);
        }
        return released ?? (IReadOnlyList<T>)[];
    }
}
