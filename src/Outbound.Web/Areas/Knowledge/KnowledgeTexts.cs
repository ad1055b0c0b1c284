using Outbound.Data.Knowledge;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Knowledge;

/// <summary>Texts of the knowledge base (知识库, for 一口清).</summary>
public static class KnowledgeTexts
{
    public static readonly Text Title = new("知识库", "Knowledge base");
    public static readonly Text Search = new("搜索知识库", "Search the knowledge base");
    public static readonly Text SearchHint = new("输入问题或关键词，如“最低还款额怎么算”", "Type a question or words");
    public static readonly Text Categories = new("分类", "Categories");
    public static readonly Text Category = new("分类", "Category");
    public static readonly Text NewCategory = new("新建分类", "New category");
    public static readonly Text Parent = new("上级分类", "Parent");
    public static readonly Text Article = new("文章", "Article");
    public static readonly Text NewArticle = new("新建文章", "New article");
    public static readonly Text EditArticle = new("发布新版本", "Publish a new version");
    public static readonly Text ArticleTitle = new("标题", "Title");
    public static readonly Text Body = new("正文（可用 HTML：段落、加粗、列表、表格、链接；脚本等会被清除）", "Body (HTML: paragraphs, bold, lists, tables, links; scripts and the like are removed)");
    public static readonly Text EffectiveFrom = new("生效日期", "Effective from");
    public static readonly Text ReviewBy = new("复核日期", "Review by");
    public static readonly Text ReviewDue = new("已过复核日期，待复核", "Past its review date");
    public static readonly Text NotYetInEffect = new("新版本将于 {0} 生效", "A new version takes effect on {0}");
    public static readonly Text VersionNote = new("修订说明", "What changed");
    public static readonly Text Versions = new("历史版本", "Versions");
    public static readonly Text Version = new("版本", "Version");
    public static readonly Text Owner = new("维护人", "Owner");
    public static readonly Text AllCampaigns = new("该客户全部项目", "Every campaign of the client");
    public static readonly Text OrderType = new("适用工单类型", "For order type");
    public static readonly Text Attachments = new("附件", "Attachments");
    public static readonly Text Published = new("已发布版本 {0}。", "Version {0} published.");
    public static readonly Text HtmlCleaned = new("正文中的脚本或不安全内容已被清除。", "Scripts or unsafe content were removed from the body.");
    public static readonly Text Flag = new("报错", "Flag");
    public static readonly Text FlagWrong = new("内容错误", "Wrong");
    public static readonly Text FlagOutdated = new("内容过时", "Outdated");
    public static readonly Text FlagNote = new("说明", "Note");
    public static readonly Text Flagged = new("已反馈给文章维护人。", "Sent to the article's owner.");
    public static readonly Text OpenFlags = new("{0} 条待处理报错", "{0} open flags");
    public static readonly Text Flags = new("坐席报错", "Flags from agents");
    public static readonly Text Resolve = new("处理完毕", "Resolved");
    public static readonly Text Resolution = new("处理说明", "Resolution");
    public static readonly Text Propose = new("提议修改", "Propose a change");
    public static readonly Text ProposeNew = new("提议新增文章", "Propose a new article");
    public static readonly Text ProposalReason = new("政策变更说明", "What changed in the policy");
    public static readonly Text Proposed = new("提议已提交，运营方发布后生效。", "Proposal sent; it applies once the operator publishes it.");
    public static readonly Text Proposals = new("客户提议", "Client proposals");
    public static readonly Text NoProposals = new("没有待处理的提议。", "No pending proposals.");
    public static readonly Text PublishProposal = new("发布", "Publish");
    public static readonly Text Decline = new("不予采纳", "Decline");
    public static readonly Text Synonyms = new("同义词", "Synonyms");
    public static readonly Text SynonymHint = new("一组同义词，用空格或逗号分隔，如：信用卡 贷记卡", "Words meaning the same, separated by spaces or commas");
    public static readonly Text Timeliness = new("知识库及时率", "Knowledge-base timeliness");
    public static readonly Text PolicyChanges = new("政策变更登记", "Policy changes");
    public static readonly Text RegisterChange = new("登记政策变更", "Register a policy change");
    public static readonly Text RegisteredAt = new("登记时间", "Registered");
    public static readonly Text TargetHours = new("目标时限（小时）", "Target (hours)");
    public static readonly Text PublishedAt = new("发布时间", "Published");
    public static readonly Text OnTime = new("及时", "On time");
    public static readonly Text Late = new("超时", "Late");
    public static readonly Text Pending = new("待发布", "Pending");
    public static readonly Text CarriesChanges = new("本次发布落实的政策变更", "Policy changes this version carries");
    public static readonly Text NoHits = new("没有找到相关文章。", "No article found.");
    public static readonly Text Suggested = new("推荐文章", "Suggested articles");
    public static readonly Text Manage = new("维护", "Manage");

    public static Text Problem(KbProblem problem) => problem switch
    {
        KbProblem.NotFound => new("文章不存在或无权查看。", "No such article, or not yours to see."),
        KbProblem.NotAllowed => new("无权执行该操作。", "Not allowed."),
        KbProblem.TitleRequired => new("请填写标题。", "Enter a title."),
        KbProblem.TitleTooLong => new("标题不能超过 200 字。", "The title is longer than 200 characters."),
        KbProblem.BodyRequired => new("正文不能为空（清除不安全内容后为空）。", "The body is empty (after unsafe content was removed)."),
        KbProblem.CategoryNotFound => new("请选择该客户的分类。", "Choose a category of this client."),
        KbProblem.CampaignNotFound => new("项目不属于该客户。", "The campaign is not this client's."),
        KbProblem.OrderTypeNotFound => new("工单类型不属于该客户。", "The order type is not this client's."),
        KbProblem.ReviewBeforeEffective => new("复核日期不能早于生效日期。", "The review date cannot be before the effective date."),
        KbProblem.ReasonRequired => new("请填写说明。", "Give the reason."),
        KbProblem.ProposalDecided => new("该提议已处理。", "This proposal was already decided."),
        KbProblem.SynonymsTooFew => new("同义词至少两个不同的词。", "Synonyms need at least two different words."),
        KbProblem.NameRequired => new("请填写名称。", "Enter a name."),
        KbProblem.NameTaken => new("同级已有同名分类。", "A category of that name exists there."),
        KbProblem.QueryTooShort => new("请至少输入 2 个字再搜索。", "Type at least 2 characters to search."),
        KbProblem.TargetNotPositive => new("目标时限须大于 0。", "The target must be above 0."),
        KbProblem.NoteTooLong => new("说明不能超过 1000 字。", "The note is longer than 1000 characters."),
        _ => new("附件不符合要求。", "The attachment was refused."),
    };
}
