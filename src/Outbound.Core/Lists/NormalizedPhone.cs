namespace Outbound.Core.Lists;

/// <summary>Stored in <c>leads.phone_kind</c> as mobile | landline | other.</summary>
public enum PhoneKind { Mobile, Landline, Other }

public static class PhoneKinds
{
    public static string Code(this PhoneKind kind) => kind switch
    {
        PhoneKind.Mobile => "mobile",
        PhoneKind.Landline => "landline",
        _ => "other",
    };
}

/// <summary>A dialable number: E.164, its kind, its ISO region and the IANA time zone its calling window is judged in.</summary>
public sealed record NormalizedPhone(string E164, PhoneKind Kind, string RegionCode, string TimeZone);

/// <summary>Either a phone or the reason the text is not one (<see cref="Detail"/> says what was wrong, in words).</summary>
public readonly record struct PhoneParseResult(NormalizedPhone? Phone, RejectReason? Failure, string? Detail)
{
    public bool IsValid => Phone is not null;
    public static PhoneParseResult Ok(NormalizedPhone phone) => new(phone, null, null);
    public static PhoneParseResult Fail(RejectReason reason, string detail) => new(null, reason, detail);
}
