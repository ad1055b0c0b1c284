using Dapper;
using Npgsql;

namespace Outbound.Data.WorkOrders;

/// <summary>A notice in a user's inbox.</summary>
public sealed record NoticeView(long Id, long OrderId, string Kind, string Subject, DateTimeOffset At, bool Read);

/// <summary>Each user's inbox of work-order notices (warnings, escalations, orders sent their way, answers).</summary>
public sealed class WorkOrderNotices(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<NoticeView>> ForUserAsync(Guid user, int limit = 50, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long Id, long OrderId, string Kind, string Subject, DateTime At, bool Read)>(new CommandDefinition("""
            SELECT id, order_id, kind, detail->>'subject', at, read_at IS NOT NULL FROM work_order_notices WHERE user_id = @user ORDER BY id DESC LIMIT @limit
            """, new { user, limit }, cancellationToken: ct));
        return rows.Select(r => new NoticeView(r.Id, r.OrderId, r.Kind, r.Subject, WorkOrderStore.Utc(r.At), r.Read)).ToList();
    }

    public async Task<int> UnreadAsync(Guid user, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM work_order_notices WHERE user_id = @user AND read_at IS NULL", new { user }, cancellationToken: ct));
    }

    public async Task MarkReadAsync(Guid user, DateTimeOffset now, long? orderId = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE work_order_notices SET read_at = @now WHERE user_id = @user AND read_at IS NULL AND (@order::bigint IS NULL OR order_id = @order)
            """, new { user, now = now.ToUniversalTime(), order = orderId }, cancellationToken: ct));
    }
}
