using Outbound.Reports.Pdf;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Admin;

/// <summary>Texts of the admin's system checks page.</summary>
public static class SystemTexts
{
    public static readonly Text Title = new("系统检查", "System checks");
    public static readonly Text Intro = new("运行平台所需的部件及其状态。", "What the platform needs to run, and its state.");
    public static readonly Text Check = new("检查项", "Check");
    public static readonly Text State = new("状态", "State");
    public static readonly Text Detail = new("说明", "Detail");
    public static readonly Text Ok = new("正常", "OK");
    public static readonly Text Problem = new("有问题", "Problem");
    public static readonly Text Font = new("PDF 中文字体", "Chinese font for PDFs");
    public static readonly Text FontFound = new("已找到 {0}。", "Found {0}.");
    public static readonly Text FontMissing = new(
        $"缺少 {{0}}：合同、账单、绩效报告和考核结算单等 PDF 下载会提示无法生成。请安装 Debian 软件包 {ReportFonts.Package}（ops/install-deps 会安装），装好后立即生效，无需重启。",
        $"{{0}} is missing: PDF downloads (contracts, statements, performance reports, assessment statements) say they cannot be made. Install the Debian package {ReportFonts.Package} (ops/install-deps does); it takes effect at once, no restart needed.");
    public static readonly Text Database = new("数据库结构", "Database schema");
    public static readonly Text SchemaCurrent = new("已应用全部 {0} 个迁移（最新版本 {1}）。", "All {0} migrations applied (latest version {1}).");
    public static readonly Text SchemaBehind = new("数据库缺少迁移 {0}：请运行 ops/outbound db migrate。", "The database lacks migrations {0}: run ops/outbound db migrate.");
    public static readonly Text Telephony = new("话务适配器", "Telephony adapter");
}
