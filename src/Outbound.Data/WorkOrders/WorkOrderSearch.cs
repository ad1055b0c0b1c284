using System.Text.Json;
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
/// is looked up by its E.164 form, as the desk's customer search does; digits (or #/GD and digits) are also an order id;
/// anything else is a customer name (from its start), a custom field's exact value, or free text (jieba-segmented, every
/// word must match). Each way is its own indexed query, newest first, so a million orders stay fast.
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
        if (term.Length == 0) branches.Add("TRUE");
        else if (Phones.Normalize(term).Phone?.E164 is { } phone)
        {
            parameters.Add("phone", phone);
            branches.Add("o.phone_e164 = @phone");
        }
        else
        {
            if (OrderNumber().Match(term) is { Success: true } number && long.TryParse(number.Groups[1].Value, out var id))
            {
                parameters.Add("id", id);
                branches.Add("o.id = @id");
            }
            parameters.Add("name_prefix", EscapeLike(term) + "%");
            branches.Add("o.customer_name LIKE @name_prefix");
            parameters.Add("field_value", JsonSerializer.Serialize(term));
            branches.Add("o.fields @@ ('$.* == ' || @field_value)::jsonpath");
            var words = segmenter.QueryWords(term);
            if (words.Count > 0)
            {
                parameters.Add("query", TextQuery.Build(words));
                branches.Add("o.search @@ to_tsquery('simple', @query)");
            }
        }
        var sql = string.Join("\nUNION\n", branches.Select(b => $"""
            (SELECT o.id FROM work_orders o WHERE {b} AND {OrderViewer.SqlFilter} AND {FilterSql} ORDER BY o.id DESC LIMIT @limit)
            """));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            WITH found AS ({sql})
            {RowSelect} WHERE o.id IN (SELECT id FROM found) ORDER BY o.id DESC LIMIT @limit
            """, parameters, cancellationToken: ct));
        return (rows.Select(r => r.ToRow()).ToList(), null);
    }

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

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    [GeneratedRegex(@"^(?:#|GD|gd)?\s*(\d{1,18})$")]
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
