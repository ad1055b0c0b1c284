using Npgsql;
using Outbound.Core.Assessment;

namespace Outbound.Data.Assessment;

/// <summary>Small helpers to keep the feature's queries readable.</summary>
internal static class SqlRows
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, NpgsqlTransaction? tx = null,
        params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static T? Nullable<T>(this NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static AssessmentRule ReadRule(this NpgsqlDataReader r, int o = 0)
    {
        var fineMin = r.Nullable<decimal>(o + 5);
        var fineMax = r.Nullable<decimal>(o + 6);
        return new AssessmentRule(
            new RuleNumber(r.GetInt32(o)),
            new LocalizedText(r.GetString(o + 1), r.GetString(o + 2)),
            RuleCategoryPoints.ParseCategory(r.GetString(o + 3)),
            r.GetInt32(o + 4),
            fineMin is { } min && fineMax is { } max ? new FineRange(min, max) : null,
            r.GetBoolean(o + 7),
            r.GetBoolean(o + 8),
            EvidenceKinds.ParseEvidenceKind(r.GetString(o + 9)));
    }

    public const string RuleColumns = "number, text_zh, text_en, category, points, fine_min, fine_max, compensation, may_dismiss, evidence";
}
