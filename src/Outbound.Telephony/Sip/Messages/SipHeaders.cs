namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// The header fields of a message in order. Names are stored in canonical form (compact forms expanded) and
/// compared case-insensitively; list headers hold one entry per value.
/// </summary>
public sealed class SipHeaders
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public IEnumerable<KeyValuePair<string, string>> Items => _items;
    public int Count => _items.Count;

    public string? this[string name] => Get(name);

    public string? Get(string name) =>
        _items.Find(h => string.Equals(h.Key, SipHeaderNames.Normalize(name), StringComparison.OrdinalIgnoreCase)).Value;

    public IReadOnlyList<string> GetAll(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        return _items.Where(h => string.Equals(h.Key, canonical, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
    }

    public bool Contains(string name) => Get(name) is not null;

    public SipHeaders Add(string name, string value)
    {
        _items.Add(new(SipHeaderNames.Normalize(name), value));
        return this;
    }

    /// <summary>Adds a header at the top of the list of headers with that name (Via on forwarding, §16.6).</summary>
    public SipHeaders AddFirst(string name, string value)
    {
        _items.Insert(0, new(SipHeaderNames.Normalize(name), value));
        return this;
    }

    public SipHeaders Set(string name, string value)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var index = _items.FindIndex(h => string.Equals(h.Key, canonical, StringComparison.OrdinalIgnoreCase));
        Remove(canonical);
        if (index < 0 || index > _items.Count) _items.Add(new(canonical, value));
        else _items.Insert(index, new(canonical, value));
        return this;
    }

    public int Remove(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        return _items.RemoveAll(h => string.Equals(h.Key, canonical, StringComparison.OrdinalIgnoreCase));
    }

    public bool RemoveFirst(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var index = _items.FindIndex(h => string.Equals(h.Key, canonical, StringComparison.OrdinalIgnoreCase));
        if (index < 0) return false;
        _items.RemoveAt(index);
        return true;
    }

    public SipHeaders Clone()
    {
        var copy = new SipHeaders();
        copy._items.AddRange(_items);
        return copy;
    }
}
