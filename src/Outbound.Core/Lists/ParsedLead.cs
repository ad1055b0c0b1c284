namespace Outbound.Core.Lists;

/// <summary>
/// A row ready to load. <see cref="FieldsJson"/> is the <c>leads.fields</c> object: the mapped
/// standard extras (alt_phone, amount, days_past_due, id_card_last4), the campaign's custom fields
/// by key, and unmapped non-empty columns under "extra" by their header, so nothing in the file is dropped.
/// </summary>
public sealed record ParsedLead(int LineNumber, NormalizedPhone Phone, string? Name, string? Region, string FieldsJson);

/// <summary>A row that was not loaded: where it was, why, and the text exactly as in the file.</summary>
public sealed record RejectedRow(int LineNumber, RejectReason Reason, string Detail, string Raw);

/// <summary>What became of one record: exactly one of the two is set.</summary>
public readonly record struct RowOutcome(ParsedLead? Lead, RejectedRow? Rejection)
{
    public static RowOutcome Loaded(ParsedLead lead) => new(lead, null);
    public static RowOutcome Rejected(RejectedRow row) => new(null, row);
}
