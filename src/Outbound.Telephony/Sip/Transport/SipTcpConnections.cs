using System.Net;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// The live TCP connections, by peer address, under the limits of <see cref="SipTransportOptions"/>: in total and per
/// source address. A connection leaves when it closes, so whatever it held goes with it.
/// </summary>
internal sealed class SipTcpConnections(int maxTotal, int maxPerAddress)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IPEndPoint, SipTcpConnection> _byRemote = [];
    private readonly Dictionary<IPAddress, int> _perAddress = [];

    public int MaxTotal => maxTotal;

    public int Count
    {
        get { lock (_gate) return _byRemote.Count; }
    }

    /// <summary>Registers the connection, or returns false when a limit is reached (the caller closes it).</summary>
    public bool TryAdd(SipTcpConnection connection)
    {
        var address = connection.Remote.Address;
        lock (_gate)
        {
            if (_byRemote.Count >= maxTotal || _byRemote.ContainsKey(connection.Remote)) return false;
            var fromAddress = _perAddress.GetValueOrDefault(address);
            if (fromAddress >= maxPerAddress) return false;
            _byRemote[connection.Remote] = connection;
            _perAddress[address] = fromAddress + 1;
            return true;
        }
    }

    public void Remove(SipTcpConnection connection)
    {
        lock (_gate)
        {
            if (!_byRemote.TryGetValue(connection.Remote, out var current) || !ReferenceEquals(current, connection)) return;
            _byRemote.Remove(connection.Remote);
            var left = _perAddress[connection.Remote.Address] - 1;
            if (left == 0) _perAddress.Remove(connection.Remote.Address);
            else _perAddress[connection.Remote.Address] = left;
        }
    }

    public SipTcpConnection? Find(IPEndPoint remote)
    {
        lock (_gate) return _byRemote.GetValueOrDefault(remote);
    }

    public List<SipTcpConnection> Snapshot()
    {
        lock (_gate) return [.. _byRemote.Values];
    }
}
