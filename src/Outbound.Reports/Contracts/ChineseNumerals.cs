namespace Outbound.Reports.Contracts;

/// <summary>Small counts written the way contracts write them: 押一付一, 提前一个月, 两天.</summary>
public static class ChineseNumerals
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>0–99 in Chinese numerals; larger numbers stay in digits.</summary>
    public static string Of(int n) => n switch
    {
        < 0 or > 99 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        <= 10 => Digits[n],
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
    };

    /// <summary>As a count of things: 2 → 两 (两天, 两个月).</summary>
    public static string Count(int n) => n == 2 ? "两" : Of(n);
}
