using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Hr;

public static class ProtectedFileTexts
{
    public static readonly Text MissingAntiforgery = new("请求缺少页面的安全令牌，请刷新页面后重试。", "The request lacks the page's security token; reload the page and try again.");
    public static readonly Text NoSuchFile = new("没有这个文件。", "There is no such file.");
}
