using Dapper;
using Outbound.Core.Performance;
using Outbound.Data.Knowledge;
using Outbound.Data.Tests.WorkOrders;
using static Outbound.Data.Tests.WorkOrders.WorkOrderWorld;

namespace Outbound.Data.Tests.Knowledge;

/// <summary>The knowledge base on PostgreSQL: sanitised publishing, versions, Chinese search with title weighting and synonyms, proposals, flags, timeliness.</summary>
public sealed class KnowledgeBaseTests(WorkOrderWorld world) : IClassFixture<WorkOrderWorld>
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private async Task<Guid> CategoryAsync(string name) => (await world.Knowledge.CreateCategoryAsync(world.BankTenant, null, name)).Id!.Value;

    private async Task<Guid> PublishAsync(string title, string html, Guid? category = null, DateOnly? effective = null, Guid? id = null, DateOnly? review = null)
    {
        var result = await world.Knowledge.PublishAsync(await world.AdminAsync(), new ArticleInput(id, world.BankTenant, world.BankCampaign,
            category ?? await CategoryAsync("分类" + Guid.NewGuid().ToString()[..6]), null, title, html, effective ?? Today, review, null, []), At(6, 1, 9, 0), Today);
        Assert.Empty(result.Problems);
        return result.Id!.Value;
    }

    [Fact]
    public async Task Scripts_and_event_handlers_are_removed_on_save_and_the_editor_is_told()
    {
        var result = await world.Knowledge.PublishAsync(await world.AdminAsync(), new ArticleInput(null, world.BankTenant, null, await CategoryAsync("安全"), null,
            "挂失流程", """<p onclick="steal()">请先核实身份<script>alert(1)</script></p><a href="javascript:evil()">链接</a><a href="https://bank.example/lost">官网</a><iframe src="x"></iframe>""",
            Today, null, null, []), At(6, 1, 9, 0), Today);

        Assert.True(result.HtmlCleaned);
        var article = await world.Knowledge.FindAsync(await world.AgentAsync(), result.Id!.Value);
        Assert.DoesNotContain("script", article!.Html);
        Assert.DoesNotContain("onclick", article.Html);
        Assert.DoesNotContain("javascript", article.Html);
        Assert.DoesNotContain("iframe", article.Html);
        Assert.Contains("请先核实身份", article.Html);
        Assert.Contains("href=\"https://bank.example/lost\"", article.Html);
    }

    [Fact]
    public async Task An_article_is_found_by_a_chinese_phrase_and_a_title_match_ranks_above_a_body_match()
    {
        var category = await CategoryAsync("还款");
        var inBody = await PublishAsync("账单常见问题", "<p>客户询问最低还款额怎么计算时，请说明按账单金额的 10% 计算。</p>", category);
        var inTitle = await PublishAsync("最低还款额的计算方法", "<p>按账单金额的百分之十计算，另加分期应还部分。</p>", category);
        await PublishAsync("积分兑换规则", "<p>积分可兑换礼品与里程。</p>", category);

        var (hits, problem) = await world.KnowledgeSearch.SearchAsync(await world.AgentAsync(), "最低还款额怎么算", world.BankTenant, world.BankCampaign);

        Assert.Null(problem);
        Assert.Equal([inTitle, inBody], hits.Select(h => h.Id).Take(2));
        Assert.True(hits[0].Rank > hits[1].Rank);
        Assert.Contains("最低还款额", hits[1].Snippet);
    }

    [Fact]
    public async Task A_tenants_synonyms_find_articles_written_with_the_other_word()
    {
        var article = await PublishAsync("贷记卡挂失", "<p>贷记卡遗失后请立即致电挂失，挂失后原卡作废。</p>");
        var agent = await world.AgentAsync();
        Assert.DoesNotContain((await world.KnowledgeSearch.SearchAsync(agent, "信用卡丢了", world.BankTenant, null)).Hits, h => h.Id == article);

        await world.Knowledge.SaveSynonymsAsync(world.BankTenant, null, ["信用卡", "贷记卡"]);

        Assert.Contains(article, (await world.KnowledgeSearch.SearchAsync(agent, "信用卡丢了", world.BankTenant, null)).Hits.Select(h => h.Id));
        Assert.Equal(KbProblem.SynonymsTooFew, (await world.Knowledge.SaveSynonymsAsync(world.BankTenant, null, ["卡", " 卡 "])).Problem);
    }

    [Fact]
    public async Task A_search_of_one_character_is_refused()
    {
        Assert.Equal(KbProblem.QueryTooShort, (await world.KnowledgeSearch.SearchAsync(await world.AgentAsync(), "卡", null, null)).Problem);
    }

    [Fact]
    public async Task A_new_version_with_a_later_effective_day_waits_and_then_replaces_the_content_keeping_every_version()
    {
        var id = await PublishAsync("年费标准", "<p>普卡年费 100 元。</p>");
        var admin = await world.AdminAsync();
        var later = await world.Knowledge.PublishAsync(admin, new ArticleInput(id, world.BankTenant, world.BankCampaign, (await world.Knowledge.FindAsync(admin, id))!.CategoryId,
            null, "年费标准（2026 年 7 月起）", "<p>普卡年费 80 元。</p>", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), "降价", []), At(6, 1, 10, 0), Today);

        Assert.False(later.InEffect);
        Assert.Equal("年费标准", (await world.Knowledge.FindAsync(admin, id))!.Title);
        Assert.Equal(0, await world.Knowledge.PromoteDueAsync(new DateOnly(2026, 6, 30), At(6, 30, 0, 5)));
        Assert.True(await world.Knowledge.PromoteDueAsync(new DateOnly(2026, 7, 1), At(7, 1, 0, 5)) >= 1);

        var current = await world.Knowledge.FindAsync(admin, id);
        Assert.Equal((2, "年费标准（2026 年 7 月起）"), (current!.Version, current.Title));
        Assert.Contains(id, (await world.KnowledgeSearch.SearchAsync(admin, "80 元", world.BankTenant, null)).Hits.Select(h => h.Id));
        Assert.Equal([2, 1], (await world.Knowledge.VersionsAsync(admin, id)).Select(v => v.Version));
        Assert.Equal(KbProblem.ReviewBeforeEffective, (await world.Knowledge.PublishAsync(admin, new ArticleInput(id, world.BankTenant, null, current.CategoryId, null,
            "x", "<p>x</p>", new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 1), null, []), At(7, 1, 1, 0), Today)).Problems.Single());
        Assert.True(current.ReviewDue(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public async Task A_client_proposal_registers_a_policy_change_that_counts_as_on_time_when_published_within_a_day()
    {
        var article = await PublishAsync("分期手续费", "<p>分期手续费每期 0.6%。</p>");
        var client = await world.BankClientAsync();
        var admin = await world.AdminAsync();
        var (quick, _) = await world.Knowledge.ProposeAsync(client, article, null, "分期手续费（新）", "<p>分期手续费每期 0.5%。<script>x()</script></p>", "12 月起费率下调",
            At(6, 10, 9, 0));
        var (slow, _) = await world.Knowledge.ProposeAsync(client, article, null, "分期手续费（再调）", "<p>每期 0.45%。</p>", "再次下调", At(6, 11, 9, 0));
        var (pending, _) = await world.Knowledge.ProposeAsync(client, article, null, "分期手续费（待定）", "<p>每期 0.4%。</p>", "方案待定", At(6, 12, 9, 0));

        Assert.Equal(3, (await world.Knowledge.ProposalsAsync(admin, pendingOnly: true)).Count(p => p.ArticleId == article));
        Assert.Empty((await world.Knowledge.PublishProposalAsync(admin, quick!.Value, new DateOnly(2026, 6, 10), null, At(6, 10, 15, 0), new DateOnly(2026, 6, 10))).Problems);
        Assert.Empty((await world.Knowledge.PublishProposalAsync(admin, slow!.Value, new DateOnly(2026, 6, 13), null, At(6, 13, 9, 0), new DateOnly(2026, 6, 13))).Problems);
        Assert.Equal([KbProblem.ProposalDecided],
            (await world.Knowledge.PublishProposalAsync(admin, quick.Value, new DateOnly(2026, 6, 10), null, At(6, 13, 9, 0), Today)).Problems);

        var current = await world.Knowledge.FindAsync(client, article);
        Assert.Equal("分期手续费（再调）", current!.Title);
        Assert.DoesNotContain("script", (await world.Knowledge.VersionHtmlAsync(client, article, 2))!);
        // June: on time (6 h), late (48 h), pending past its 24 h → 1 of 3.
        var june = await new Outbound.Data.WorkOrders.ServiceMetricsQueries(world.Db).TimelinessAsync(world.BankTenant, At(6, 1, 0, 0), At(7, 1, 0, 0), At(6, 20, 0, 0));
        Assert.Equal(new Ratio(1, 3), june);
        Assert.Single(await world.Knowledge.ProposalsAsync(admin, pendingOnly: true), p => p.Id == pending);
    }

    [Fact]
    public async Task An_agents_flag_reaches_the_articles_owner_until_resolved()
    {
        var article = await PublishAsync("网点营业时间", "<p>工作日 9:00–17:00。</p>");
        var agent = await world.AgentAsync();

        Assert.Null(await world.Knowledge.FlagAsync(agent, article, "outdated", "周六也营业了", At(6, 2, 10, 0)));
        var flags = await world.Knowledge.FlagsAsync(await world.AdminAsync(), owner: world.Admin);
        var flag = Assert.Single(flags, f => f.ArticleId == article);
        Assert.Equal(("outdated", "周六也营业了"), (flag.Kind, flag.Note));
        Assert.Equal(1, (await world.Knowledge.FindAsync(agent, article))!.OpenFlags);

        Assert.Null(await world.Knowledge.ResolveFlagAsync(await world.AdminAsync(), flag.Id, "已更新营业时间", At(6, 2, 11, 0)));
        Assert.DoesNotContain(await world.Knowledge.FlagsAsync(await world.AdminAsync(), owner: world.Admin), f => f.ArticleId == article);
        Assert.Equal(KbProblem.NotAllowed, await world.Knowledge.FlagAsync(agent, article, "spam", null, At(6, 2, 12, 0)));
    }

    [Fact]
    public async Task Suggestions_put_the_articles_for_the_order_type_being_filled_first()
    {
        var admin = await world.AdminAsync();
        var category = await CategoryAsync("争议");
        var forType = await world.Knowledge.PublishAsync(admin, new ArticleInput(null, world.BankTenant, world.BankCampaign, category, world.DisputeType,
            "交易争议受理要点", "<p>记录交易时间、金额、商户。</p>", Today, null, null, []), At(6, 3, 9, 0), Today);
        await PublishAsync("其他新文章", "<p>与争议无关。</p>", category);

        var suggested = await world.KnowledgeSearch.SuggestAsync(await world.AgentAsync(), world.BankCampaign, world.DisputeType);

        Assert.Equal(forType.Id, suggested[0].Id);
        await using var connection = await world.Db.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM kb_article_versions") >= 1);
    }
}
