using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Campaigns;

public static class ImportTexts
{
    public static readonly Text Title = new("名单导入 {0}", "List import {0}");
    public static readonly Text File = new("文件", "File");
    public static readonly Text Rows = new("总行数", "Rows");
    public static readonly Text Imported = new("已导入", "Imported");
    public static readonly Text Rejected = new("拒绝", "Rejected");
    public static readonly Text Duplicates = new("重复", "Duplicates");
    public static readonly Text Dnc = new("免打扰", "Do-not-call");
    public static readonly Text StartedAt = new("开始时间", "Started");
    public static readonly Text Encoding = new("编码", "Encoding");
    public static readonly Text DownloadRejects = new("下载拒绝明细（CSV）", "Download rejected rows (CSV)");
    public static readonly Text Error = new("错误", "Error");
    public static readonly Text UploadTitle = new("上传名单：{0}", "Upload a list: {0}");
    public static readonly Text ChooseFile = new("选择名单文件（CSV、TXT 或 Excel）", "Choose a list file (CSV, text or Excel)");
    public static readonly Text Format = new("格式", "Format");
    public static readonly Text EncodingAuto = new("自动识别", "Detect automatically");
    public static readonly Text Preview = new("预览", "Preview");
    public static readonly Text Mapping = new("字段映射", "Column mapping");
    public static readonly Text MappingHint = new("黄色标记的列无法确定对应字段，请手动选择。", "Columns marked yellow could not be matched with certainty; choose their field.");
    public static readonly Text Column = new("文件列", "File column");
    public static readonly Text Field = new("对应字段", "Field");
    public static readonly Text Sample = new("示例", "Sample");
    public static readonly Text Ignore = new("（忽略）", "(ignore)");
    public static readonly Text StartImport = new("开始导入", "Start import");
    public static readonly Text Progress = new("导入进度", "Progress");
    public static readonly Text NoFile = new("请选择要上传的文件。", "Choose a file to upload.");
    public static readonly Text FileTooLarge = new("文件过大（上限 {0} MB）。", "The file is too large (limit {0} MB).");
    public static readonly Text UploadExpired = new("上传的文件已过期，请重新上传。", "The uploaded file has expired; upload it again.");
    public static readonly Text BadEncoding = new("不支持的编码。", "Unsupported encoding.");
    public static readonly Text FieldTwice = new("字段“{0}”被选给了多列，请只选一列。", "The field {0} is chosen for more than one column; choose one.");
    public static readonly Text Unsure = new("待确认", "Check");
    public static readonly Text Done = new("导入完成。", "Import finished.");
    public static readonly Text Failed = new("导入失败：", "The import failed: ");
    public static readonly Text ViewResult = new("查看导入结果", "View the import");
    public static readonly Text MissingRequired = new("以下必填字段还没有对应的列：{0}", "These required fields have no column yet: {0}");

    /// <summary>The file problem in the user's language (the CLI prints both; the words are the same).</summary>
    public static Text Of(Outbound.Core.Lists.ListFormatException problem) => new(problem.Zh, problem.En);

    public static Text StatusName(string status) => status switch
    {
        "running" => new("导入中", "Running"),
        "completed" => new("已完成", "Completed"),
        "failed" => new("失败", "Failed"),
        _ => new(status, status),
    };
}
