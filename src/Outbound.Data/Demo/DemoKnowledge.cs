using Outbound.Data.Knowledge;
using Outbound.Data.WorkOrders;

namespace Outbound.Data.Demo;

/// <summary>A small knowledge base per demo client: categories, articles (one for the dispute order type), synonyms, a client proposal and policy changes.</summary>
public sealed class DemoKnowledge(KnowledgeStore knowledge)
{
    public async Task SeedAsync(OrderViewer editor, OrderViewer bankClient, Guid bank, Guid power, Guid bankCampaign, Guid disputeType, DateTimeOffset now,
        CancellationToken ct = default)
    {
        var today = CenterTime.China.Day(now);
        var cards = await Category(bank, null, "信用卡业务");
        var repay = await Category(bank, cards, "还款与分期");
        var disputes = await Category(bank, cards, "交易争议");
        var collect = await Category(bank, null, "催收话术与合规");
        var minimum = await Publish(bank, bankCampaign, repay, null, "最低还款额的计算方法",
            "<p>最低还款额 = 账单内消费金额的 <strong>10%</strong> + 分期当期应还 + 上期未还的最低还款额 + 费用与利息。</p><p>客户按最低还款额还款不影响征信，但不享受免息期。</p>");
        await Publish(bank, bankCampaign, repay, null, "账单分期与手续费",
            "<ul><li>可分 3、6、12 期。</li><li>每期手续费率 0.6%（12 期 0.55%）。</li><li>提前结清收取剩余本金的 3% 违约金。</li></ul>");
        await Publish(bank, bankCampaign, disputes, disputeType, "交易争议受理要点",
            "<p>记录交易日期、金额、商户名称与卡号后四位；提醒客户 <strong>立即挂失</strong> 并保留凭证；告知 7 个工作日内回复。</p>");
        await Publish(bank, null, collect, null, "催收合规要求",
            "<p>仅在 8:00–21:00 致电；不得向第三人透露欠款信息；客户明确拒绝后当日不得再次拨打。</p>");
        await Publish(bank, null, cards, null, "贷记卡挂失流程", "<p>核实身份后立即挂失，挂失后原卡作废，新卡 7 个工作日寄出。</p>");
        await knowledge.SaveSynonymsAsync(bank, null, ["信用卡", "贷记卡"], ct);
        await knowledge.SaveSynonymsAsync(bank, null, ["手续费", "费率"], ct);

        var outage = await Category(power, null, "停电与抢修");
        var billing = await Category(power, null, "电费与缴费");
        await Publish(power, null, outage, null, "计划停电查询", "<p>计划停电提前 7 天在网上国网 App 与营业厅公告，客户可按户号查询。</p>");
        await Publish(power, null, outage, null, "故障报修受理", "<p>记录故障地址与户号；城区 45 分钟、郊区 90 分钟内到达现场。</p>");
        await Publish(power, null, billing, null, "阶梯电价标准", "<p>第一档 0.617 元/千瓦时，第二档 0.667 元/千瓦时，第三档 0.917 元/千瓦时。</p>");
        await knowledge.SaveSynonymsAsync(power, null, ["停电", "断电", "没电"], ct);

        // The bank announced a fee change yesterday; the operator published it in 5 hours. A second one waits as the client's proposal.
        var (change, _) = await knowledge.RegisterChangeAsync(editor, bank, "分期手续费下调", 24, now.AddDays(-1), ct);
        await knowledge.PublishAsync(editor, new ArticleInput(minimum, bank, bankCampaign, repay, null, "最低还款额的计算方法",
            "<p>最低还款额 = 账单内消费金额的 <strong>10%</strong> + 分期当期应还 + 上期未还的最低还款额 + 费用与利息。</p><p>自本月起分期手续费按新费率计入。</p>",
            today, today.AddMonths(6), "费率调整", [change!.Value]), now.AddDays(-1).AddHours(5), today, ct);
        await knowledge.ProposeAsync(bankClient, minimum, null, "最低还款额的计算方法（新规）", "<p>最低还款额比例自下月起调整为 5%。</p>", "监管新规：最低还款比例下调",
            now.AddHours(-2), ct);

        async Task<Guid> Category(Guid tenant, Guid? parent, string name) =>
            (await knowledge.CreateCategoryAsync(tenant, parent, name, ct: ct)).Id ?? (await knowledge.CategoriesAsync(tenant, ct)).First(c => c.Name == name).Id;

        async Task<Guid> Publish(Guid tenant, Guid? campaign, Guid category, Guid? type, string title, string html) =>
            (await knowledge.PublishAsync(editor, new ArticleInput(null, tenant, campaign, category, type, title, html, today.AddDays(-30), today.AddMonths(6), null, []),
                now.AddDays(-30), today, ct)).Id ?? throw new InvalidOperationException($"Demo article {title} was refused");
    }
}
