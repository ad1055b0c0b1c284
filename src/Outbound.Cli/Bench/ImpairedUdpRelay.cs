using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Outbound.Cli.Bench;

/// <summary>
/// A UDP relay between one caller (sipp) and the platform that loses what a bad network loses: any datagram, either way,
/// with probability <c>loss</c>; and every copy of the BYE of a share <c>byeLoss</c> of calls, as when a caller's BYE
/// never gets through at all — the case only a session timer can clean up. Seeded, so a run can be repeated.
/// </summary>
internal sealed class ImpairedUdpRelay : IAsyncDisposable
{
    private readonly Socket _front = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _back = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _platform;
    private readonly double _loss;
    private readonly double _byeLoss;
    private readonly Random _random;
    private readonly ConcurrentDictionary<string, byte> _blackholed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private volatile IPEndPoint? _caller;
    private long _dropped;

    public ImpairedUdpRelay(IPEndPoint platform, double loss, double byeLoss, int seed)
    {
        _platform = platform;
        _loss = loss;
        _byeLoss = byeLoss;
        _random = new Random(seed);
        _front.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _back.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loops = [Task.Run(ForwardCallerAsync), Task.Run(ForwardPlatformAsync)];
    }

    /// <summary>Where the caller sends.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_front.LocalEndPoint!;
    /// <summary>Datagrams lost at random.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);
    /// <summary>Calls whose BYE never got through.</summary>
    public int ByesLost => _blackholed.Count;

    private async Task ForwardCallerAsync()
    {
        var buffer = new byte[65535];
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                EndPoint any = new IPEndPoint(IPAddress.Any, 0);
                var received = await _front.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                _caller = (IPEndPoint)received.RemoteEndPoint;
                var datagram = buffer.AsMemory(0, received.ReceivedBytes);
                if (LoseBye(datagram.Span) || Lose()) continue;
                await _back.SendToAsync(datagram, SocketFlags.None, _platform, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP from an earlier send: the relay carries on.
            }
        }
    }

    private async Task ForwardPlatformAsync()
    {
        var buffer = new byte[65535];
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                EndPoint any = new IPEndPoint(IPAddress.Any, 0);
                var received = await _back.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                if (_caller is not { } caller || Lose()) continue;
                await _front.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, caller, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // As above.
            }
        }
    }

    private bool Lose()
    {
        double draw;
        lock (_random) draw = _random.NextDouble();
        if (draw >= _loss) return false;
        Interlocked.Increment(ref _dropped);
        return true;
    }

    /// <summary>A BYE of a call chosen (by its Call-ID) to lose its BYE: this copy and every retransmission are dropped.</summary>
    private bool LoseBye(ReadOnlySpan<byte> datagram)
    {
        if (!datagram.StartsWith("BYE "u8)) return false;
        var text = Encoding.ASCII.GetString(datagram);
        var callId = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("i:"));
        if (callId is null) return false;
        if (_blackholed.ContainsKey(callId)) return true;
        // Decided by the Call-ID (FNV-1a), so every copy of a call's BYE gets the same fate: the share is of calls.
        var hash = 2166136261u;
        foreach (var c in callId) hash = (hash ^ c) * 16777619u;
        if (hash % 10_000 / 10_000.0 >= _byeLoss) return false;
        _blackholed[callId] = 0;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _front.Dispose();
        _back.Dispose();
        await Task.WhenAll(_loops);
    }
}
