namespace Outbound.Core.Lists;

/// <summary>
/// The file cannot be read as a call list at all (empty, not text, headers only, wrong encoding). The message comes in
/// both languages: the web shows the user's, the CLI and the import's stored error both ("中文 / English"), so the two
/// always say the same thing.
/// </summary>
public sealed class ListFormatException(string zh, string en, Exception? inner = null) : Exception($"{zh} / {en}", inner)
{
    public string Zh { get; } = zh;
    public string En { get; } = en;

    public static ListFormatException Empty() => new("文件为空", "the file is empty");

    public static ListFormatException NotText() =>
        new("这不是文本文件（也不是 Excel 工作簿），不能作为名单导入", "this is not a text file (nor an Excel workbook), so it cannot be loaded as a list");

    public static ListFormatException HeadersOnly() =>
        new("文件只有表头，没有数据行：没有可导入的名单", "the file has a header row but no data rows: there is nothing to load");

    /// <param name="format">What the file was read as (<see cref="ListFile.Format"/>).</param>
    public static ListFormatException BadEncoding(string format, long at)
    {
        var encoding = format.Split(',')[0].ToUpperInvariant();
        return encoding == "UTF-8"
            ? new($"文件不是有效的 UTF-8 编码（第 {at} 字节附近）：若是 GBK 文件，请选择 gb18030 编码重新导入",
                $"the file is not valid UTF-8 (near byte {at}): if it is a GBK file, import it again with encoding gb18030")
            : new($"文件不是有效的 {encoding} 编码（第 {at} 字节附近），请手动选择编码", $"the file is not valid {encoding} (near byte {at}); choose the encoding by hand");
    }

    public static ListFormatException HeaderTooBig(ListLimits limits) =>
        new($"表头行超出限制（每行最多 {limits.MaxLineChars} 个字符、{limits.MaxFields} 列，每列最多 {limits.MaxFieldChars} 个字符）",
            $"the header row is beyond the limits ({limits.MaxLineChars} characters, {limits.MaxFields} columns, {limits.MaxFieldChars} characters a column)");

    public static ListFormatException WorkbookNeedsFile() =>
        new("Excel 工作簿须作为完整文件读取", "an Excel workbook must be read as a whole file");
}
