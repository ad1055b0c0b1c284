namespace Outbound.Web.Tests.Support;

/// <summary>What a hub pushed to a test client, waited for by content.</summary>
internal sealed class HubInbox<T>
{
    private readonly List<T> _items = [];
    private readonly SemaphoreSlim _signal = new(0);

    public void Add(T item)
    {
        lock (_items) _items.Add(item);
        _signal.Release();
    }

    public async Task<T> WaitFor(Func<T, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_items)
            {
                var index = _items.FindIndex(i => match(i));
                if (index >= 0)
                {
                    var found = _items[index];
                    _items.RemoveAt(index);
                    return found;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left)) throw new TimeoutException($"no matching {typeof(T).Name}");
        }
    }
}
