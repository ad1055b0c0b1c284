namespace Outbound.Core.Lists;

/// <summary>Why a row of a call list was not loaded. The codes (<see cref="RejectReasons.Code"/>) are stored and exported: never rename them.</summary>
public enum RejectReason
{
    MissingPhone,
    InvalidPhone,
    UnsupportedNumberType,
    DuplicateInFile,
    DuplicateInCampaign,
    Dnc,
    BadAmount,
    BadDaysPastDue,
    BadFieldValue,
    WrongColumnCount,
    MissingRequiredField,
    UnterminatedQuote,
    LineTooLong,
    FieldTooLong,
    TooManyFields,
}

public static class RejectReasons
{
    private static readonly Dictionary<RejectReason, string> Codes = new()
    {
        [RejectReason.MissingPhone] = "missing_phone",
        [RejectReason.InvalidPhone] = "invalid_phone",
        [RejectReason.UnsupportedNumberType] = "unsupported_number_type",
        [RejectReason.DuplicateInFile] = "duplicate_in_file",
        [RejectReason.DuplicateInCampaign] = "duplicate_in_campaign",
        [RejectReason.Dnc] = "dnc",
        [RejectReason.BadAmount] = "bad_amount",
        [RejectReason.BadDaysPastDue] = "bad_days_past_due",
        [RejectReason.BadFieldValue] = "bad_field_value",
        [RejectReason.WrongColumnCount] = "wrong_column_count",
        [RejectReason.MissingRequiredField] = "missing_required_field",
        [RejectReason.UnterminatedQuote] = "unterminated_quote",
        [RejectReason.LineTooLong] = "line_too_long",
        [RejectReason.FieldTooLong] = "field_too_long",
        [RejectReason.TooManyFields] = "too_many_fields",
    };

    private static readonly Dictionary<string, RejectReason> ByCode = Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The stable snake_case code stored in <c>list_import_rejects.reason</c>.</summary>
    public static string Code(this RejectReason reason) => Codes[reason];

    public static RejectReason FromCode(string code) =>
        ByCode.TryGetValue(code, out var reason) ? reason : throw new ArgumentException($"Unknown reject reason code '{code}'.", nameof(code));

    /// <summary>True for the reasons counted as duplicates in an import's totals.</summary>
    public static bool IsDuplicate(this RejectReason reason) =>
        reason is RejectReason.DuplicateInFile or RejectReason.DuplicateInCampaign;
}
