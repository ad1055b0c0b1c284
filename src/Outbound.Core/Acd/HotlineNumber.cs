namespace Outbound.Core.Acd;

/// <summary>
/// Matches a called number to a hotline's number however each side writes it: a carrier may deliver 95598, +8695598,
/// 02150001234, +862150001234 or 8613800138000 for the number a campaign manager typed as 95598 or +86 21 5000 1234.
/// </summary>
public static class HotlineNumber
{
    /// <summary>
    /// The comparable form: for China the national digits without country code (+86, 0086, a bare 86 before a full-length
    /// number) and without the trunk prefix 0; other countries keep <c>+</c> and their country code. Separators
    /// (space, dash, dot, brackets) are ignored; null when nothing number-like is left.
    /// </summary>
    public static string? Key(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        var international = text.StartsWith('+');
        var digits = new string(text.Where(c => c is not (' ' or '-' or '.' or '(' or ')')).Skip(international ? 1 : 0).ToArray());
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return null;
        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            (international, digits) = (true, digits[2..]);
        }
        // A national number without its trunk 0 is 9–11 digits (landline or mobile) and never starts with 86.
        if (!international && digits.StartsWith("86", StringComparison.Ordinal) && digits.Length is >= 11 and <= 13) international = true;
        if (international && !digits.StartsWith("86", StringComparison.Ordinal)) return "+" + digits;
        var national = international ? digits[2..] : digits;
        if (national.Length > 1 && national[0] == '0') national = national[1..];
        return national.Length == 0 ? null : national;
    }

    /// <summary>Whether two written numbers are the same number.</summary>
    public static bool Same(string? a, string? b) => Key(a) is { } key && key == Key(b);
}
