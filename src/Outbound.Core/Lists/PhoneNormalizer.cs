using PhoneNumbers;

namespace Outbound.Core.Lists;

/// <summary>
/// Turns what people type into an E.164 number with libphonenumber (default region CN): "+86 138…",
/// "0086138…", "86138…", "138-1234-5678", "010-12345678", "0755 1234 5678". Mobiles, landlines and
/// numbers that may be either are accepted; toll-free, shared-cost (400/95xxx), premium-rate and
/// the like are rejected as not callable for outbound work; so is text with letters in it (no vanity numbers).
/// A fast path handles plain Chinese mobiles (11 digits, optionally with a 86 prefix and spaces or
/// dashes) with libphonenumber's own mobile pattern, looked up per 5-digit prefix (see
/// <see cref="CnMobilePrefixes"/>); it only ever answers "mobile" for numbers that libphonenumber
/// classifies the same way (checked by a test over every prefix), everything else takes the full
/// library path.
/// </summary>
public sealed class PhoneNormalizer
{
    public const string DefaultRegion = "CN";
    private const string ChinaTimeZone = "Asia/Shanghai";

    private readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private readonly PhoneNumberToTimeZonesMapper _timeZones = PhoneNumberToTimeZonesMapper.GetInstance();
    private readonly string _defaultRegion;
    private readonly CnMobilePrefixes? _cnMobile;

    public PhoneNormalizer(string defaultRegion = DefaultRegion)
    {
        _defaultRegion = defaultRegion;
        if (defaultRegion == "CN") _cnMobile = CnMobilePrefixes.Instance;
    }

    public PhoneParseResult Normalize(ReadOnlySpan<char> raw)
    {
        var text = raw.Trim();
        if (text.IsEmpty) return PhoneParseResult.Fail(RejectReason.MissingPhone, "号码为空 / phone is empty");
        // libphonenumber reads letters as keypad digits (1-800-FLOWERS): "138abc12345" would become 13822212345, a number nobody gave us.
        foreach (var c in text)
            if (char.IsLetter(c))
                return PhoneParseResult.Fail(RejectReason.InvalidPhone, "号码含有字母或汉字 / the number contains letters");
        return TryFastChinaMobile(text) ?? NormalizeWithLibrary(text.ToString());
    }

    public PhoneParseResult Normalize(string? raw) => Normalize(raw.AsSpan());

    private PhoneParseResult? TryFastChinaMobile(ReadOnlySpan<char> text)
    {
        if (_cnMobile is null) return null;
        Span<char> digits = stackalloc char[16];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '-') continue;
            if (c == '+' && i == 0) { digits[count++] = '+'; continue; }
            if (!char.IsAsciiDigit(c) || count == digits.Length) return null;
            digits[count++] = c;
        }
        ReadOnlySpan<char> national = digits[..count];
        if (national.Length == 14 && national.StartsWith("+86")) national = national[3..];
        else if (national.Length == 15 && national.StartsWith("0086")) national = national[4..];
        else if (national.Length == 13 && national.StartsWith("86")) national = national[2..];
        if (national.Length != 11 || national[0] != '1' || !_cnMobile.IsMobile(national)) return null;
        return PhoneParseResult.Ok(new NormalizedPhone(string.Concat("+86", national), PhoneKind.Mobile, "CN", ChinaTimeZone));
    }

    private PhoneParseResult NormalizeWithLibrary(string text)
    {
        PhoneNumber number;
        try
        {
            number = _util.Parse(text, _defaultRegion);
        }
        catch (NumberParseException e)
        {
            return PhoneParseResult.Fail(RejectReason.InvalidPhone, $"无法识别的号码 / not a phone number ({e.ErrorType})");
        }
        if (!_util.IsValidNumber(number))
            return PhoneParseResult.Fail(RejectReason.InvalidPhone, "号码无效 / not a valid number");
        var type = _util.GetNumberType(number);
        PhoneKind? kind = type switch
        {
            PhoneNumberType.MOBILE => PhoneKind.Mobile,
            PhoneNumberType.FIXED_LINE => PhoneKind.Landline,
            PhoneNumberType.FIXED_LINE_OR_MOBILE or PhoneNumberType.VOIP or PhoneNumberType.PERSONAL_NUMBER => PhoneKind.Other,
            _ => null,
        };
        if (kind is null)
            return PhoneParseResult.Fail(RejectReason.UnsupportedNumberType, $"不支持的号码类型 / unsupported number type ({type})");
        var region = _util.GetRegionCodeForNumber(number) ?? "ZZ";
        var timeZone = region == "CN" ? ChinaTimeZone : FirstKnownTimeZone(number);
        return PhoneParseResult.Ok(new NormalizedPhone(_util.Format(number, PhoneNumberFormat.E164), kind.Value, region, timeZone));
    }

    private string FirstKnownTimeZone(PhoneNumber number)
    {
        var unknown = _timeZones.GetUnknownTimeZone();
        return _timeZones.GetTimeZonesForNumber(number).FirstOrDefault(z => z != unknown) ?? "Etc/UTC";
    }
}
