using Microsoft.Data.Sqlite;

namespace Outbound.Data.Durable;

/// <summary>
/// The local outbox of one dialer node: records that could not reach PostgreSQL, kept on disk in the order they
/// came until they are replayed. An SQLite file (WAL, <c>synchronous = FULL</c>: every append is fsync'd before it
/// returns), appended to and read from the front by row id, so a crash at any point loses nothing that was
/// acknowledged and a replay interrupted half-way starts again where it stopped. Bounded by
/// <see cref="MaxRecords"/>: beyond it <see cref="Append"/> refuses, and the writer keeps the overflow in memory.
/// The records carry everything needed to apply them, so any node could replay a file (issue 22: clustering).
/// </summary>
public sealed class Outbox : IDisposable
{
    private readonly SqliteConnection _connection;
    private long _count;

    /// <param name="folder">The node's own folder; the file is <c>outbox.db</c> inside it.</param>
    public Outbox(string folder, long maxRecords = 2_000_000)
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, "outbox.db");
        MaxRecords = maxRecords;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = FULL");
        Execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, record TEXT NOT NULL)");
        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM outbox";
        _count = (long)count.ExecuteScalar()!;
    }

    public string Path { get; }
    public long MaxRecords { get; }

    /// <summary>Records kept and not yet replayed.</summary>
    public long Count => Interlocked.Read(ref _count);

    public bool IsEmpty => Count == 0;

    /// <summary>Appends the records in order, durably (one fsync'd transaction); false when that would pass <see cref="MaxRecords"/>.</summary>
    public bool Append(IReadOnlyList<DurableRecord> records)
    {
        if (records.Count == 0) return true;
        if (Count + records.Count > MaxRecords) return false;
        using var tx = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO outbox (record) VALUES ($record)";
        var parameter = insert.Parameters.Add("$record", SqliteType.Text);
        foreach (var record in records)
        {
            parameter.Value = DurableRecord.Serialize(record);
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        Interlocked.Add(ref _count, records.Count);
        return true;
    }

    /// <summary>The oldest records, up to <paramref name="max"/>, with the position to <see cref="Remove"/> once they are applied.</summary>
    public (IReadOnlyList<DurableRecord> Records, long Through) Peek(int max)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT seq, record FROM outbox ORDER BY seq LIMIT $max";
        select.Parameters.AddWithValue("$max", max);
        using var reader = select.ExecuteReader();
        var records = new List<DurableRecord>();
        long through = 0;
        while (reader.Read())
        {
            through = reader.GetInt64(0);
            records.Add(DurableRecord.Deserialize(reader.GetString(1)));
        }
        return (records, through);
    }

    /// <summary>Forgets the records up to and including <paramref name="through"/>: they are in PostgreSQL.</summary>
    public void Remove(long through)
    {
        using var delete = _connection.CreateCommand();
        delete.CommandText = "DELETE FROM outbox WHERE seq <= $through";
        delete.Parameters.AddWithValue("$through", through);
        var removed = delete.ExecuteNonQuery();
        Interlocked.Add(ref _count, -removed);
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
