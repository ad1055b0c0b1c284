using System.Globalization;

namespace Outbound.Web.Localization;

/// <summary>
/// One user-facing text in both languages. Renders in the request's UI culture (zh-CN by default), so a
/// page writes <c>@CommonTexts.Save</c> and never picks a language itself.
/// </summary>
public sealed record Text(string Zh, string En)
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public string Format(params object[] args) => string.Format(CultureInfo.CurrentCulture, ToString(), args);

    public override string ToString() => IsChinese ? Zh : En;

    public static implicit operator string(Text text) => text.ToString();
}
