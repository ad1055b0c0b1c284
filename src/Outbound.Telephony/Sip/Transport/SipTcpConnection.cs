using System.Net;
using System.Net.Sockets;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// One TCP connection: its socket, a write lock (messages are written whole, §18.3), when it last carried traffic, and
/// how many dialogs and registrations keep it open past the idle timeout.
/// </summary>
internal sealed class SipTcpConnection(Socket socket, IPEndPoint remote, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _lastActivity = time.GetTimestamp();
    private long _keepUntil;
    private int _pins;
    private int _closed;

    public Socket Socket => socket;
    public IPEndPoint Remote => remote;
    public bool Closed => Volatile.Read(ref _closed) == 1;

    public void Touch() => Volatile.Write(ref _lastActivity, time.GetTimestamp());

    public void Pin() => Interlocked.Increment(ref _pins);
    public void Unpin() => Interlocked.Decrement(ref _pins);

    /// <summary>Keeps the connection through <paramref name="until"/> (a registration's expiry) even when idle.</summary>
    public void KeepUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        long seen;
        do seen = Volatile.Read(ref _keepUntil);
        while (ticks > seen && Interlocked.CompareExchange(ref _keepUntil, ticks, seen) != seen);
    }

    /// <summary>Idle longer than <paramref name="timeout"/> and nothing keeps it.</summary>
    public bool IsIdle(TimeSpan timeout) =>
        Volatile.Read(ref _pins) <= 0 && Volatile.Read(ref _keepUntil) <= time.GetUtcNow().UtcTicks
        && time.GetElapsedTime(Volatile.Read(ref _lastActivity)) > timeout;

    public async Task WriteAsync(byte[] bytes, CancellationToken cancel)
    {
        await _writeLock.WaitAsync(cancel);
        try
        {
            var sent = 0;
            while (sent < bytes.Length) sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancel);
            Touch();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        socket.Dispose();
    }
}
