using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Campaigns;

/// <summary>Texts of the repayment file (还款回盘) upload.</summary>
public static class RepaymentTexts
{
    public static readonly Text Repayments = new("还款回盘", "Repayment file");
    public static readonly Text Title = new("还款回盘：{0}", "Repayment file: {0}");
    public static readonly Text Hint = new(
        "上传客户提供的还款明细（CSV，UTF-8 或 GBK）：手机号或借据号、还款金额、还款日期，可选姓名。同一文件重复上传不会重复计入。还款在承诺日后 {0} 天内到账仍算履约。",
        "Upload the client's repayment file (CSV, UTF-8 or GBK): phone or lead ref, amount, date, optionally the name. Uploading the same file again adds nothing. A payment up to {0} days after the due day still keeps a promise.");
    public static readonly Text Upload = new("上传并核销", "Upload and match");
    public static readonly Text Result = new("处理结果", "Result");
    public static readonly Text Rows = new("总行数", "Rows");
    public static readonly Text Applied = new("新记入还款", "Payments recorded");
    public static readonly Text AlreadyKnown = new("已记入（重复上传）", "Already recorded");
    public static readonly Text Rejected = new("拒绝", "Rejected");
    public static readonly Text NewlyKept = new("本次履约的承诺", "Promises kept by this file");
    public static readonly Text Promises = new("承诺还款", "Promises to pay");
    public static readonly Text Kept = new("已履约", "Kept");
    public static readonly Text Broken = new("已违约", "Broken");
    public static readonly Text Open = new("未到期", "Open");
    public static readonly Text Line = new("行号", "Line");
    public static readonly Text Reason = new("原因", "Reason");
    public static readonly Text NotCollections = new("只有催收项目有承诺还款。", "Only collections campaigns take promises to pay.");
}
