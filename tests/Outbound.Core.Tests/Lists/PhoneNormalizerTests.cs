using Outbound.Core.Lists;
using PhoneNumbers;

namespace Outbound.Core.Tests.Lists;

public sealed class PhoneNormalizerTests
{
    private readonly PhoneNormalizer _phones = new();

    [Theory]
    [InlineData("13812345678")]
    [InlineData("+8613812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("008613812345678")]
    [InlineData("8613812345678")]
    [InlineData("86-138-1234-5678")]
    [InlineData("138-1234-5678")]
    [InlineData(" 138 1234 5678 ")]
    [InlineData("(+86) 138-1234-5678")]
    public void Chinese_mobiles_in_every_common_spelling_become_the_same_e164(string raw)
    {
        var result = _phones.Normalize(raw);
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal("+8613812345678", result.Phone!.E164);
        Assert.Equal(PhoneKind.Mobile, result.Phone.Kind);
        Assert.Equal("Asia/Shanghai", result.Phone.TimeZone);
        Assert.Equal("CN", result.Phone.RegionCode);
    }

    [Theory]
    [InlineData("010-62345678", "+861062345678")]
    [InlineData("(010) 6234 5678", "+861062345678")]
    [InlineData("021-52345678", "+862152345678")]
    [InlineData("02152345678", "+862152345678")]
    [InlineData("0755-82345678", "+8675582345678")]
    [InlineData("+86 755 8234 5678", "+8675582345678")]
    public void Landlines_with_area_codes_are_landlines_in_china_time(string raw, string e164)
    {
        var result = _phones.Normalize(raw);
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(e164, result.Phone!.E164);
        Assert.Equal(PhoneKind.Landline, result.Phone.Kind);
        Assert.Equal("Asia/Shanghai", result.Phone.TimeZone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1381234567")]      // one digit short
    [InlineData("138123456789")]    // one digit long
    [InlineData("10086")]
    [InlineData("abc")]
    [InlineData("11012345678")]     // no 110 mobile range
    [InlineData("138abc12345")]     // letters are not keypad digits here
    [InlineData("1381234567a")]
    [InlineData("021-5234567八")]
    public void Garbage_and_wrong_lengths_are_invalid_phones(string raw)
    {
        var result = _phones.Normalize(raw);
        Assert.False(result.IsValid);
        Assert.Equal(RejectReason.InvalidPhone, result.Failure);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Theory]
    [InlineData("4008123456")]      // shared cost
    [InlineData("8001234567")]      // toll free
    public void Service_numbers_are_refused_as_unsupported(string raw)
    {
        var result = _phones.Normalize(raw);
        Assert.Equal(RejectReason.UnsupportedNumberType, result.Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_a_missing_phone(string raw) => Assert.Equal(RejectReason.MissingPhone, _phones.Normalize(raw).Failure);

    [Fact]
    public void Foreign_numbers_get_their_own_time_zone()
    {
        var result = _phones.Normalize("+1 212 555 0123");
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal("+12125550123", result.Phone!.E164);
        Assert.Equal("US", result.Phone.RegionCode);
        Assert.Equal("America/New_York", result.Phone.TimeZone);
    }

    /// <summary>The fast path must never disagree with libphonenumber: every 1xxx prefix, several spellings.</summary>
    [Fact]
    public void Fast_path_agrees_with_libphonenumber_for_every_mobile_prefix()
    {
        var util = PhoneNumberUtil.GetInstance();
        var random = new Random(42);
        var checkedNumbers = 0;
        for (var prefix = 1000; prefix <= 1999; prefix++)
        {
            for (var k = 0; k < 3; k++)
            {
                var national = prefix.ToString() + random.Next(0, 10_000_000).ToString("D7");
                foreach (var spelling in new[] { national, "+86" + national, "0086" + national, "86" + national, $"{national[..3]}-{national[3..7]}-{national[7..]}" })
                {
                    var actual = _phones.Normalize(spelling);
                    var expected = Library(util, spelling);
                    Assert.True(expected.E164 == actual.Phone?.E164 && expected.Kind == actual.Phone?.Kind,
                        $"{spelling}: libphonenumber says {expected.E164} {expected.Kind}, we say {actual.Phone?.E164} {actual.Phone?.Kind} {actual.Failure}");
                    checkedNumbers++;
                }
            }
        }
        Assert.Equal(15_000, checkedNumbers);
    }

    /// <summary>
    /// Pins the audited CN mobile pattern: a libphonenumber upgrade that changes it fails here, and the
    /// prefix table must then be re-checked (the normaliser meanwhile falls back to the regex).
    /// </summary>
    [Fact]
    public void Mobile_prefix_table_is_built_from_the_audited_library_pattern()
    {
        var pattern = PhoneNumberUtil.GetInstance().GetMetadataForRegion("CN").Mobile.NationalNumberPattern;
        Assert.Equal(CnMobilePrefixes.AuditedPattern, pattern);
        Assert.True(CnMobilePrefixes.Instance.UsesPrefixTable);
    }

    [Fact]
    public void A_changed_mobile_pattern_is_answered_by_the_regex_not_the_table()
    {
        var changed = new CnMobilePrefixes("199[0-9]{8}");
        Assert.False(changed.UsesPrefixTable);
        Assert.True(changed.IsMobile("19912345678"));
        Assert.False(changed.IsMobile("13812345678"));
    }

    /// <summary>Every 5-digit prefix (valid and invalid ranges) with suffixes at both ends and random ones, in several spellings.</summary>
    [Fact]
    public void Fast_path_agrees_with_libphonenumber_for_every_five_digit_prefix()
    {
        var util = PhoneNumberUtil.GetInstance();
        var random = new Random(2026);
        var mobiles = 0;
        var refused = 0;
        for (var prefix = 10_000; prefix <= 19_999; prefix++)
        {
            foreach (var suffix in new[] { "000000", "999999", random.Next(0, 1_000_000).ToString("D6") })
            {
                var national = prefix.ToString() + suffix;
                foreach (var spelling in new[] { national, "+86 " + national, $"{national[..3]}-{national[3..7]}-{national[7..]}" })
                {
                    var actual = _phones.Normalize(spelling);
                    var expected = Library(util, spelling);
                    Assert.True(expected.E164 == actual.Phone?.E164 && expected.Kind == actual.Phone?.Kind,
                        $"{spelling}: libphonenumber says {expected.E164} {expected.Kind}, we say {actual.Phone?.E164} {actual.Phone?.Kind} {actual.Failure}");
                    if (actual.Phone?.Kind == PhoneKind.Mobile) mobiles++;
                    else refused++;
                }
            }
        }
        Assert.True(mobiles > 10_000 && refused > 10_000, $"{mobiles} mobiles, {refused} others: the sample should hold plenty of both");
    }

    /// <summary>Landlines, service numbers, short and long digit strings and separators: none may be taken for a mobile wrongly.</summary>
    [Fact]
    public void Normaliser_agrees_with_libphonenumber_on_generated_landlines_and_junk()
    {
        var util = PhoneNumberUtil.GetInstance();
        var random = new Random(7);
        string[] areas = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029", "0311", "0371", "0431", "0512", "0571", "0591", "0755", "0769", "0898", "0991"];
        string[] separators = ["", "-", " ", "--"];
        var landlines = 0;
        for (var i = 0; i < 40_000; i++)
        {
            string text = (i % 4) switch
            {
                0 or 1 => areas[random.Next(areas.Length)] + separators[random.Next(separators.Length)] + Digits(random, random.Next(6, 10)),
                2 => "1" + Digits(random, random.Next(8, 13)),
                _ => (random.Next(3) == 0 ? "+86" : "") + Digits(random, random.Next(5, 14)),
            };
            var actual = _phones.Normalize(text);
            var expected = Library(util, text);
            Assert.True(expected.E164 == actual.Phone?.E164 && expected.Kind == actual.Phone?.Kind,
                $"{text}: libphonenumber says {expected.E164} {expected.Kind}, we say {actual.Phone?.E164} {actual.Phone?.Kind} {actual.Failure}");
            if (actual.Phone?.Kind == PhoneKind.Landline) landlines++;
        }
        Assert.True(landlines > 5_000, $"only {landlines} landlines generated");
    }

    private static string Digits(Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    private static (string? E164, PhoneKind? Kind) Library(PhoneNumberUtil util, string text)
    {
        try
        {
            var number = util.Parse(text, "CN");
            if (!util.IsValidNumber(number)) return (null, null);
            PhoneKind? kind = util.GetNumberType(number) switch
            {
                PhoneNumberType.MOBILE => PhoneKind.Mobile,
                PhoneNumberType.FIXED_LINE => PhoneKind.Landline,
                PhoneNumberType.FIXED_LINE_OR_MOBILE or PhoneNumberType.VOIP or PhoneNumberType.PERSONAL_NUMBER => PhoneKind.Other,
                _ => null,
            };
            return kind is null ? (null, null) : (util.Format(number, PhoneNumberFormat.E164), kind);
        }
        catch (NumberParseException)
        {
            return (null, null);
        }
    }
}
