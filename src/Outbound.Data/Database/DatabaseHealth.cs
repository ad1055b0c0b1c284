using Npgsql;

namespace Outbound.Data.Database;

/// <summary>
/// Whether PostgreSQL is reachable, as the process last saw it: every part that meets an outage says so
/// (<see cref="Failed"/>), and any success, or a probe, says it is back. The dialer dials nothing new while it is
/// down (nothing it places could be fenced or recorded), the live pages show the outage, and the durable writer keeps
/// records on local disk meanwhile. One instance per process.
/// </summary>
public sealed class DatabaseHealth(TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _downSince;
    private string? _reason;

    public DatabaseHealth() : this(TimeProvider.System) { }

    public bool IsUp
    {
        get { lock (_gate) return _downSince is null; }
    }

    /// <summary>When the current outage began; null while the database is up.</summary>
    public DateTimeOffset? DownSince
    {
        get { lock (_gate) return _downSince; }
    }

    /// <summary>The error that began the current outage.</summary>
    public string? Reason
    {
        get { lock (_gate) return _reason; }
    }

    /// <summary>Raised (outside the lock) when the database goes down or comes back.</summary>
    public event Action<bool>? Changed;

    /// <summary>True for errors that mean the database cannot be reached now (as opposed to a bad statement).</summary>
    public static bool IsOutage(Exception e) => e switch
    {
        PostgresException p => p.IsTransient || p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true, // connection refused, reset, timed out: Npgsql wraps them all
        TimeoutException or System.Net.Sockets.SocketException or IOException => true,
        AggregateException a => a.InnerExceptions.Any(IsOutage),
        _ => e.InnerException is { } inner && IsOutage(inner),
    };

    /// <summary>Notes an error; returns whether it was an outage (and the database is now counted as down).</summary>
    public bool Failed(Exception e)
    {
        if (!IsOutage(e)) return false;
        bool changed;
        lock (_gate)
        {
            changed = _downSince is null;
            if (changed)
            {
                _downSince = time.GetUtcNow();
                _reason = e.Message;
            }
        }
        if (changed) Changed?.Invoke(false);
        return true;
    }

    public void Succeeded()
    {
        bool changed;
        lock (_gate)
        {
            changed = _downSince is not null;
            _downSince = null;
            _reason = null;
        }
        if (changed) Changed?.Invoke(true);
    }

    /// <summary>One round trip (<c>SELECT 1</c>); the outcome is noted either way.</summary>
    public async Task<bool> ProbeAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(ct);
            Succeeded();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failed(e);
            return false;
        }
    }
}
