namespace Outbound.Core.Lists;

/// <summary>What the user asked for: detect the encoding, or force one (the override when detection guesses wrong).</summary>
public enum ListEncodingChoice
{
    Auto,
    Utf8,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

public static class ListEncodingChoices
{
    /// <summary>
    /// Parses the CLI/web spelling: auto, utf-8 (utf8), gb18030 (gbk, gb2312 are read as GB18030, their superset),
    /// utf-16 (utf-16le, unicode: what Excel's "Unicode text" writes), utf-16be.
    /// </summary>
    public static bool TryParse(string? text, out ListEncodingChoice choice)
    {
        choice = (text ?? "auto").Trim().ToLowerInvariant() switch
        {
            "auto" or "" => ListEncodingChoice.Auto,
            "utf-8" or "utf8" => ListEncodingChoice.Utf8,
            "gb18030" or "gbk" or "gb2312" or "cp936" => ListEncodingChoice.Gb18030,
            "utf-16" or "utf16" or "utf-16le" or "unicode" => ListEncodingChoice.Utf16Le,
            "utf-16be" => ListEncodingChoice.Utf16Be,
            _ => (ListEncodingChoice)(-1),
        };
        return Enum.IsDefined(choice);
    }
}
