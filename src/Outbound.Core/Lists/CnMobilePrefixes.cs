using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Outbound.Core.Lists;

/// <summary>
/// libphonenumber's CN mobile pattern answered per 5-digit prefix instead of by a regex per number.
/// Exact, not a heuristic: in the audited pattern every alternative pins at most the first five
/// digits and leaves the rest free (<c>[0-9]{6}</c> or <c>[0-9]{8}</c> up to 11 digits), so whether an
/// 11-digit number matches depends only on its first five digits, and matching prefix + "000000"
/// decides all of them. When the library's metadata differs from the audited text (a new version),
/// the table is not used and each number goes through the library's own regex, as before.
/// </summary>
public sealed class CnMobilePrefixes
{
    /// <summary>The CN mobile pattern of libphonenumber-csharp 9.0.43, read and checked for the property above.</summary>
    public const string AuditedPattern =
        "1(?:610[0-9]|740[0-5])[0-9]{6}|1(?:[38][0-9]|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])[0-9]{8}";

    private const int PrefixDigits = 5;
    private const int FirstPrefix = 10_000;

    private readonly Regex _pattern;
    private readonly bool[]? _mobileByPrefix;

    public static CnMobilePrefixes Instance { get; } = new(PhoneNumberUtil.GetInstance().GetMetadataForRegion("CN").Mobile.NationalNumberPattern);

    public CnMobilePrefixes(string libraryPattern)
    {
        _pattern = new Regex($"^(?:{libraryPattern})$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        if (libraryPattern != AuditedPattern) return;
        _mobileByPrefix = new bool[FirstPrefix];
        for (var prefix = 0; prefix < FirstPrefix; prefix++)
            _mobileByPrefix[prefix] = _pattern.IsMatch($"{FirstPrefix + prefix}000000");
    }

    /// <summary>True when the table (not the per-number regex) answers; false after a metadata change.</summary>
    public bool UsesPrefixTable => _mobileByPrefix is not null;

    /// <summary>Whether an 11-digit national number starting with 1 matches libphonenumber's CN mobile pattern.</summary>
    public bool IsMobile(ReadOnlySpan<char> national)
    {
        if (national.Length != 11 || national[0] != '1') return false;
        if (_mobileByPrefix is null) return _pattern.IsMatch(national);
        foreach (var c in national)
            if (!char.IsAsciiDigit(c)) return false;
        var prefix = 0;
        for (var i = 1; i < PrefixDigits; i++) prefix = prefix * 10 + (national[i] - '0');
        return _mobileByPrefix[prefix];
    }
}
