using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Outbound.Core.Lists;
using Outbound.Core.WorkOrders;
using Outbound.Data.Knowledge;

namespace Outbound.Data.WorkOrders;

/// <summary>Filters of the order list beside the search term.</summary>
public sealed record OrderFilter(bool OpenOnly = false, Guid? Department = null, Guid? Assignee = null, Guid? Campaign = null, bool EscalatedOnly = false);

/// <summary>Why a search is refused; the web words the codes.</summary>
public enum SearchProblem { TooShort }

/// <summary>
/// Finds orders the viewer sees. A term that is a whole phone number written any way ("138 0013 8000", "+86…", "021-…")
/// is looked up by its E.164 form, as the desk's customer search does; #/GD and digits is an order id, bare digits an order
/// id or a custom field's exact value; anything else is a customer name (from its start), a custom field's exact value, or
/// free text (jieba-segmented, every word must match). The term's shape picks the ways, so an order number never waits for a
/// full-text search; each way is its own indexed query, newest first, so a million orders stay fast.
/// </summary>
public sealed partial class WorkOrderSearch(NpgsqlDataSource dataSource, ChineseSegmenter segmenter)
{
    public const int MinTermLength = 2;
    private static readonly PhoneNormalizer Phones = new();

    public async Task<(IReadOnlyList<WorkOrderRow> Rows, SearchProblem? Problem)> SearchAsync(OrderViewer viewer, string? term, OrderFilter filter,
        int limit = 50, CancellationToken ct = default)
    {
        term = term?.Trim() ?? "";
        if (term.Length is > 0 and < MinTermLength) return ([], SearchProblem.TooShort);
        var parameters = new DynamicParameters(new
        {
            limit, open = filter.OpenOnly, department = filter.Department, assignee = filter.Assignee, campaign = filter.Campaign, escalated = filter.EscalatedOnly,
        });
        viewer.AddTo(parameters);
        var branches = new List<string>();
        var text = false;
        if (term.Length == 0) branches.Add("TRUE");
        else if (Phones.Normalize(term).Phone?.E164 is { } phone)
        {
            parameters.Add("phone", phone);
            branches.Add("o.phone_e164 = @phone");
        }
        else if (OrderNumber().Match(term) is { Success: true } number && long.TryParse(number.Groups[2].Value, out var id))
        {
            parameters.Add("id", id);
            branches.Add("o.id = @id");
            // Bare digits may also be a custom field's value (a card's last four); "#…" or "GD…" is an order id and nothing else.
            if (!number.Groups[1].Success) branches.Add(FieldValue(parameters, number.Groups[2].Value));
        }
        else
        {
            parameters.Add("name_prefix", EscapeLike(term) + "%");
            branches.Add("o.customer_name LIKE @name_prefix");
            branches.Add(FieldValue(parameters, term));
            var words = segmenter.QueryWords(term);
            if (words.Count > 0)
            {
                parameters.Add("query", TextQuery.Build(words));
                parameters.Add("text_window", TextWindow);
                text = true;
            }
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await FindAsync(connection, branches, text ? TextIn.NewestOrders : TextIn.None, parameters, ct);
        // Fewer than asked: the newest orders did not hold enough text matches, so the words are rare and their index finds all.
        if (text && rows.Count < limit) rows = await FindAsync(connection, branches, TextIn.Everything, parameters, ct);
        return (rows.Select(r => r.ToRow()).ToList(), null);
    }

    /// <summary>
    /// How many of the newest orders a free-text search reads in id order before it asks the full-text index instead.
    /// Which of the two is cheap depends on how many orders match, and the planner cannot tell: it multiplies the words'
    /// frequencies as if independent, so three words of one phrase looked 80 times rarer than they were and a rare pair
    /// looked common (a 1 s backward walk over a million orders for no hit, or 0.8 s fetching 95,000 hits to keep 50).
    /// </summary>
    private const int TextWindow = 10_000;

    private enum TextIn { None, NewestOrders, Everything }

    private static async Task<List<Row>> FindAsync(NpgsqlConnection connection, List<string> branches, TextIn text, DynamicParameters parameters,
        CancellationToken ct)
    {
        var arms = branches.Select(b => $"(SELECT o.id FROM work_orders o WHERE {b} AND {Visible} ORDER BY o.id DESC LIMIT @limit)").ToList();
        if (text == TextIn.NewestOrders)
            arms.Add($"""
                (SELECT o.id FROM (SELECT * FROM work_orders ORDER BY id DESC LIMIT @text_window) o
                 WHERE o.search @@ to_tsquery('simple', @query) AND {Visible} ORDER BY o.id DESC LIMIT @limit)
                """);
        if (text == TextIn.Everything)
            arms.Add($"(SELECT o.id FROM work_orders o WHERE o.search @@ to_tsquery('simple', @query) AND {Visible} ORDER BY o.id DESC LIMIT @limit)");
        var sql = $"""
            WITH found AS ({string.Join("\nUNION\n", arms)})
            {RowSelect} WHERE o.id IN (SELECT id FROM found) ORDER BY o.id DESC LIMIT @limit
            """;
        if (text != TextIn.Everything)
            return (await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: ct))).ToList();
        // Rare words: only bitmap scans of the indexes, whatever the planner guesses, never a walk over every order.
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off", transaction: tx, cancellationToken: ct));
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct))).ToList();
        await tx.CommitAsync(ct);
        return rows;
    }

    private const string Visible = $"{OrderViewer.SqlFilter} AND {FilterSql}";

    /// <summary>The screen pop's orders of a caller: every open one and the last closed ones, within what the viewer sees.</summary>
    public async Task<IReadOnlyList<WorkOrderRow>> OfCallerAsync(OrderViewer viewer, string phone, int closed = 3, CancellationToken ct = default)
    {
        if (Phones.Normalize(phone).Phone?.E164 is not { } e164) return [];
        var parameters = new DynamicParameters(new { phone = e164, closed });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            {RowSelect}
            WHERE o.phone_e164 = @phone AND {OrderViewer.SqlFilter} AND o.merged_into IS NULL
              AND (o.status NOT IN ('Resolved', 'Closed') OR o.id IN (
                  SELECT c.id FROM work_orders c WHERE c.phone_e164 = @phone AND c.status IN ('Resolved', 'Closed') AND c.merged_into IS NULL
                  ORDER BY coalesce(c.resolved_at, c.closed_at) DESC LIMIT @closed))
            ORDER BY o.status IN ('Resolved', 'Closed'), o.id DESC
            """, parameters, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    private const string FilterSql = """
        (NOT @open OR o.status NOT IN ('Resolved', 'Closed')) AND (@department::uuid IS NULL OR o.department_id = @department OR o.overseer_department_id = @department)
        AND (@assignee::uuid IS NULL OR o.assignee_id = @assignee) AND (@campaign::uuid IS NULL OR o.campaign_id = @campaign)
        AND (NOT @escalated OR o.escalations > 0)
        """;

    internal const string RowSelect = """
        SELECT o.id, o.subject, o.status, o.priority, t.name AS TypeName, c.name AS CampaignName, d.name AS DepartmentName, a.display_name AS AssigneeName,
               o.customer_name AS CustomerName, o.phone_e164 AS Phone, o.created_at AS CreatedAt, o.resolved_at AS ResolvedAt, o.answer, o.escalations,
               o.sla_next_check_at AS NextCheck, o.sla::text AS Sla
        FROM work_orders o JOIN wo_types t ON t.id = o.type_id JOIN campaigns c ON c.id = o.campaign_id JOIN wo_departments d ON d.id = o.department_id
        LEFT JOIN users a ON a.id = o.assignee_id
        """;

    /// <summary>A custom field holding exactly this value, found through the GIN index of the fields' values (migration 0850).</summary>
    private static string FieldValue(DynamicParameters parameters, string value)
    {
        parameters.Add("field_value", new[] { value });
        return "wo_field_values(o.fields) @> @field_value";
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    [GeneratedRegex(@"^(#|GD|gd)?\s*(\d{1,18})$")]
    private static partial Regex OrderNumber();

    internal sealed record Row(long Id, string Subject, string Status, string Priority, string TypeName, string CampaignName, string DepartmentName,
        string? AssigneeName, string? CustomerName, string? Phone, DateTime CreatedAt, DateTime? ResolvedAt, string? Answer, int Escalations, DateTime? NextCheck,
        string Sla)
    {
        public WorkOrderRow ToRow()
        {
            var timers = OrderText.Timers(Sla);
            DateTimeOffset?[] dues = [timers.FirstResponse.Due, timers.NextUpdate.Due, timers.Resolution.Due];
            return new WorkOrderRow(Id, Subject, Enum.Parse<WorkOrderStatus>(Status), Enum.Parse<WorkOrderPriority>(Priority), TypeName, CampaignName,
                DepartmentName, AssigneeName, CustomerName, Phone, WorkOrderStore.Utc(CreatedAt), WorkOrderStore.Utc(ResolvedAt), Answer, Escalations, dues.Min());
        }
    }
}
