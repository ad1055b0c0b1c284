using Dapper;
using Npgsql;
using Outbound.Core.Identity;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Core.WorkOrders;
using Outbound.Data.Knowledge;
using Outbound.Data.WorkOrders;

namespace Outbound.Data.Demo;

/// <summary>
/// The demo's work orders and knowledge base: the operator's 二线/质检/班长 departments and one back office per client (the
/// client's demo user is its lead), order types with SLAs and escalation chains per campaign, and — once — a few orders
/// (open, resolved, one escalated by the timer service), each client's small knowledge base with synonyms, a pending
/// proposal and its policy changes. Re-running restores departments and types and keeps the orders and articles.
/// </summary>
public sealed class DemoWorkOrders(NpgsqlDataSource dataSource, Departments departments, OrderTypes types, WorkOrderStore orders, SlaSweep sweep,
    KnowledgeStore knowledge, OrderViewers viewers, TimeProvider clock)
{
    /// <summary>The demo's order type codes (identifiers the setup pages show as they are).</summary>
    public static class TypeCodes
    {
        public const string Dispute = "dispute", Hardship = "hardship", SkipComplaint = "skip-complaint", Outage = "outage", Complaint = "complaint";
        public static readonly IReadOnlyList<string> All = [Dispute, Hardship, SkipComplaint, Outage, Complaint];
    }

    private static readonly SlaPolicy Normal = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(16), TimeSpan.FromMinutes(30));
    private static readonly SlaPolicy Fast = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(8), TimeSpan.FromMinutes(10));

    public async Task SeedAsync(IReadOnlyDictionary<string, TenantId> tenants, IReadOnlyDictionary<string, CampaignId> campaigns, CancellationToken ct = default)
    {
        var bank = tenants[DemoCampaigns.BankTenant].Value;
        var power = tenants[DemoCampaigns.PowerTenant].Value;
        var secondLine = await departments.EnsureAsync(null, "二线支持");
        var quality = await departments.EnsureAsync(null, "质检");
        var supervisors = await departments.EnsureAsync(null, "班长");
        var cardOffice = await departments.EnsureAsync(bank, "信用卡中心客服部");
        var powerOffice = await departments.EnsureAsync(power, "营业厅后台");
        await Member(secondLine, "agent1@demo.local", false);
        await Member(secondLine, "agent2@demo.local", false);
        await Member(secondLine, "supervisor@demo.local", true);
        await Member(supervisors, "supervisor@demo.local", true);
        await Member(quality, "supervisor@demo.local", true);
        await Member(cardOffice, "client@demo-bank.local", true);
        await Member(powerOffice, "client@demo-power.local", true);

        var sla = Enum.GetValues<WorkOrderPriority>().ToDictionary(p => p, p => p >= WorkOrderPriority.High ? Fast : Normal);
        var bankCampaign = campaigns[DemoCampaigns.BankCollections].Value;
        var dispute = await Type(bankCampaign, TypeCodes.Dispute, "账务争议", cardOffice, WorkOrderPriority.Normal, false,
            [new WorkOrderField("card_last4", "卡号后四位", Required: true), new WorkOrderField("amount", "争议金额（元）", FieldKind.Number),
             new WorkOrderField("txn_date", "交易日期", FieldKind.Date)], [new EscalationStep(secondLine, TimeSpan.FromHours(4)), new EscalationStep(supervisors, TimeSpan.FromHours(2))], sla);
        var hardship = await Type(bankCampaign, TypeCodes.Hardship, "还款困难协商", secondLine, WorkOrderPriority.Normal, false,
            [new WorkOrderField("plan", "希望的分期期数", FieldKind.Choice, Choices: ["3", "6", "12"])], [new EscalationStep(supervisors, TimeSpan.FromHours(4))], sla);
        await Type(bankCampaign, TypeCodes.SkipComplaint, "越级投诉（监管转办）", supervisors, WorkOrderPriority.Urgent, true, [], [new EscalationStep(quality, TimeSpan.FromHours(2))], sla);
        foreach (var code in new[] { DemoCampaigns.PowerHotline, DemoCampaigns.PowerSurvey })
        {
            await Type(campaigns[code].Value, TypeCodes.Outage, "停电报修", powerOffice, WorkOrderPriority.High, false,
                [new WorkOrderField("address", "故障地址", Required: true), new WorkOrderField("meter", "户号")], [new EscalationStep(secondLine, TimeSpan.FromHours(2))], sla);
            await Type(campaigns[code].Value, TypeCodes.Complaint, "服务投诉", secondLine, WorkOrderPriority.Normal, false, [], [new EscalationStep(supervisors, TimeSpan.FromHours(4))], sla);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM work_orders WHERE tenant_id IN (@bank, @power))",
                new { bank, power }, cancellationToken: ct)))
            await OrdersAsync(dispute, hardship, ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM kb_articles WHERE tenant_id IN (@bank, @power))",
                new { bank, power }, cancellationToken: ct)))
        {
            await new DemoKnowledge(knowledge).SeedAsync(await Viewer("manager@demo.local", Roles.CampaignManager), await Viewer("client@demo-bank.local", Roles.Client, bank),
                bank, power, bankCampaign, dispute, clock.GetUtcNow(), ct);
        }

        async Task Member(Guid department, string email, bool lead)
        {
            if (await departments.AddMemberAsync(department, email, lead, ct) is { } problem)
                throw new InvalidOperationException($"Demo department member {email}: {problem}");
        }
    }

    private async Task<Guid> Type(Guid campaign, string code, string name, Guid department, WorkOrderPriority priority, bool skipLevel,
        IReadOnlyList<WorkOrderField> fields, IReadOnlyList<EscalationStep> chain, IReadOnlyDictionary<WorkOrderPriority, SlaPolicy> sla)
    {
        var existing = (await types.ListAsync(campaign)).FirstOrDefault(t => t.Code == code);
        var (id, errors) = await types.SaveAsync(existing?.Id, new OrderTypeInput(campaign, code, name, fields, priority, department, chain, skipLevel, true, sla));
        return id ?? throw new InvalidOperationException($"Demo order type {code}: {string.Join(", ", errors)}");
    }

    /// <summary>Orders of the last days: open ones, one resolved, and two overdue that the timer service escalates.</summary>
    private async Task OrdersAsync(Guid dispute, Guid hardship, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var agent = await Viewer("agent1@demo.local", Roles.Agent);
        var client = await Viewer("client@demo-bank.local", Roles.Client, (await types.FindAsync(dispute, ct))!.TenantId);
        var manager = await Viewer("manager@demo.local", Roles.CampaignManager);
        async Task<long> Open(Guid type, string subject, string customer, string phone, Dictionary<string, string?> fields, DateTimeOffset at) =>
            (await orders.CreateAsync(agent, new NewWorkOrder(type, subject, "客户来电反映，坐席记录。", customer, phone, null, fields), "desk", at, ct)).Id
            ?? throw new InvalidOperationException($"Demo order {subject} was refused");

        var old = now.AddDays(-6);
        var overdue = await Open(dispute, "客户称一笔 1,280 元网购消费非本人所为", "陈静", "13912345678",
            new() { ["card_last4"] = "6217", ["amount"] = "1280", ["txn_date"] = "2026-11-28" }, old);
        await Open(hardship, "客户失业，申请延期还款并分 12 期", "王磊", "13800138001", new() { ["plan"] = "12" }, old.AddHours(1));
        var answered = await Open(dispute, "年费被重复扣收", "刘洋", "13700137002", new() { ["card_last4"] = "8891", ["amount"] = "200" }, now.AddHours(-3));
        await orders.ActAsync(client, answered, new WorkOrderAction.Start(), now.AddHours(-2), ct);
        await orders.ActAsync(client, answered, new WorkOrderAction.Resolve("已核实重复扣收，200 元将于 3 个工作日内退回原卡。", true), now.AddHours(-1), ct);
        await Open(dispute, "分期手续费与宣传不符", "赵敏", "13600136003", new() { ["card_last4"] = "1024" }, now.AddMinutes(-20));
        await orders.ActAsync(manager, overdue, new WorkOrderAction.Note("请卡部尽快核实商户信息"), old.AddHours(2), ct);
        await sweep.RunAsync(now, ct: ct); // the two old orders are past their targets: escalated as the timer service would
    }

    private async Task<OrderViewer> Viewer(string email, string role, Guid? tenant = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var (id, name) = await connection.QuerySingleAsync<(Guid, string)>("SELECT id, display_name FROM users WHERE normalized_email = upper(@email)", new { email });
        return await viewers.ForAsync(id, name, [role], tenant);
    }
}
