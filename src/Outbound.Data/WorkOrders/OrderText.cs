using System.Text.Json;
using Outbound.Core.WorkOrders;
using Outbound.Data.Knowledge;

namespace Outbound.Data.WorkOrders;

/// <summary>
/// What an order stores as JSON (its SLA timers) and as searchable text: the subject weighs most, then the description,
/// answer, customer name and custom field values, all segmented by <see cref="ChineseSegmenter"/>.
/// </summary>
public sealed class OrderText(ChineseSegmenter segmenter)
{
    /// <summary>The SQL that builds the vector from the two parameters <see cref="Words"/> gives.</summary>
    public const string VectorSql = "setweight(to_tsvector('simple', @title_words), 'A') || setweight(to_tsvector('simple', @body_words), 'B')";

    public (string TitleWords, string BodyWords) Words(string subject, string? description, string? answer, string? customer, IEnumerable<string> fieldValues) =>
        (segmenter.IndexText(subject),
         segmenter.IndexText(string.Join('\n', new[] { description, answer, customer }.Concat(fieldValues).Where(s => !string.IsNullOrWhiteSpace(s)))));

    public static string Json(SlaTimers timers) => JsonSerializer.Serialize(timers, OrderTypes.Json);

    public static SlaTimers Timers(string? json) =>
        string.IsNullOrWhiteSpace(json) || json == "{}" ? SlaTimers.Off : JsonSerializer.Deserialize<SlaTimers>(json, OrderTypes.Json) ?? SlaTimers.Off;
}
