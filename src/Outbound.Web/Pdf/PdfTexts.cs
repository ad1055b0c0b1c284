using Outbound.Reports.Pdf;
using Outbound.Web.Localization;

namespace Outbound.Web.Pdf;

/// <summary>What a user is told when a PDF cannot be made.</summary>
public static class PdfTexts
{
    public static readonly Text FontMissing = new(
        $"PDF 暂时无法生成：服务器缺少中文字体（{ReportFonts.Package}）。请联系平台管理员安装，装好后重试即可，无需重启。",
        $"PDFs cannot be made right now: the server lacks the Chinese font ({ReportFonts.Package}). Ask the platform administrator to install it, then try again; no restart is needed.");
}
