using Dapper;
using Npgsql;
using Outbound.Core.Identity;
using Outbound.Core.WorkOrders;
using Outbound.Data.Knowledge;
using Outbound.Data.WorkOrders;
using Outbound.Testing;

namespace Outbound.Data.Tests.WorkOrders;

/// <summary>
/// Two client tenants on a real database: the bank (campaign bank-1, its card back office 卡部 with a client user) and the
/// utility (campaign power-1, its own back office and client user); the operator's 二线 and 班长 departments; an agent of
/// bank-1 on a team led by the supervisor; order types with SLAs (2 h first response, 4 h update, 16 h resolution on a
/// Monday–Friday 9–18 calendar) and an escalation chain 二线 → 班长.
/// </summary>
public sealed class WorkOrderWorld : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public NpgsqlDataSource Db => _db.DataSource;
    public Guid BankTenant { get; } = Guid.CreateVersion7();
    public Guid PowerTenant { get; } = Guid.CreateVersion7();
    public Guid BankCampaign { get; } = Guid.CreateVersion7();
    public Guid PowerCampaign { get; } = Guid.CreateVersion7();
    public Guid Agent { get; } = Guid.CreateVersion7();
    public Guid Supervisor { get; } = Guid.CreateVersion7();
    public Guid SecondLineLead { get; } = Guid.CreateVersion7();
    public Guid Admin { get; } = Guid.CreateVersion7();
    public Guid BankClient { get; } = Guid.CreateVersion7();
    public Guid BankClientOutsider { get; } = Guid.CreateVersion7();
    public Guid PowerClient { get; } = Guid.CreateVersion7();
    public Guid SecondLine { get; private set; }
    public Guid Supervisors { get; private set; }
    public Guid CardOffice { get; private set; }
    public Guid PowerOffice { get; private set; }
    public Guid DisputeType { get; private set; }
    public Guid ComplaintType { get; private set; }
    public Guid OutageType { get; private set; }
    public long BankLead { get; private set; }

    public static readonly SlaPolicy Sla = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(16), TimeSpan.FromMinutes(30));

    public ChineseSegmenter Segmenter { get; } = new();
    public CalendarStore Calendar => new(Db);
    public Departments Departments => new(Db);
    public OrderTypes Types => new(Db);
    public WorkOrderStore Orders => new(Db, Types, Calendar, new OrderText(Segmenter));
    public WorkOrderSearch Search => new(Db, Segmenter);
    public SlaSweep Sweep => new(Db, Types, Calendar);
    public KnowledgeStore Knowledge => new(Db, Segmenter);
    public KnowledgeSearch KnowledgeSearch => new(Db, Segmenter);

    public Task<OrderViewer> ViewerAsync(Guid user, string role, Guid? tenant = null) =>
        new OrderViewers(Db).ForAsync(user, "user " + user.ToString()[..4], [role], tenant);

    public Task<OrderViewer> AgentAsync() => ViewerAsync(Agent, Roles.Agent);
    public Task<OrderViewer> AdminAsync() => ViewerAsync(Admin, Roles.Admin);
    public Task<OrderViewer> BankClientAsync() => ViewerAsync(BankClient, Roles.Client, BankTenant);
    public Task<OrderViewer> PowerClientAsync() => ViewerAsync(PowerClient, Roles.Client, PowerTenant);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        foreach (var user in new[] { Agent, Supervisor, SecondLineLead, Admin, BankClient, BankClientOutsider, PowerClient })
            await TestUsers.InsertAsync(Db, user);
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO tenants (id, code, name) VALUES (@BankTenant, 'bank', '示范银行'), (@PowerTenant, 'power', '示范供电');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES (@BankCampaign, @BankTenant, 'bank-1', '信用卡催收', 'Collections', 'Predictive', '{}'),
                   (@PowerCampaign, @PowerTenant, 'power-1', '95598 热线', 'Inbound', 'Manual', '{}');
            UPDATE users SET tenant_id = @BankTenant WHERE id IN (@BankClient, @BankClientOutsider);
            UPDATE users SET tenant_id = @PowerTenant WHERE id = @PowerClient;
            UPDATE users SET display_name = '坐席一号' WHERE id = @Agent;
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id) VALUES (@BankTenant, @BankCampaign, @Agent);
            INSERT INTO workforce_teams (id, name, leader_id) VALUES ('7e000000-0000-7000-8000-0000000000aa', '一组', @Supervisor);
            INSERT INTO workforce_agents (id, employee_no, name, team_id, base_salary) VALUES (@Agent, 'W001', '坐席一号', '7e000000-0000-7000-8000-0000000000aa', 3000);
            """, this);
        BankLead = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, time_zone, name) VALUES (@BankTenant, @BankCampaign, '+8613800138000', 'mobile', 'Asia/Shanghai', '张三')
            RETURNING id
            """, this);

        SecondLine = await Departments.EnsureAsync(null, "二线");
        Supervisors = await Departments.EnsureAsync(null, "班长");
        CardOffice = await Departments.EnsureAsync(BankTenant, "信用卡部");
        PowerOffice = await Departments.EnsureAsync(PowerTenant, "营销部");
        Assert.Null(await Departments.AddMemberAsync(SecondLine, $"u{Agent:N}@test.local", isLead: false));
        Assert.Null(await Departments.AddMemberAsync(SecondLine, $"u{SecondLineLead:N}@test.local", isLead: true));
        Assert.Null(await Departments.AddMemberAsync(Supervisors, $"u{Supervisor:N}@test.local", isLead: true));
        Assert.Null(await Departments.AddMemberAsync(CardOffice, $"u{BankClient:N}@test.local", isLead: true));
        Assert.Null(await Departments.AddMemberAsync(PowerOffice, $"u{PowerClient:N}@test.local", isLead: true));

        var sla = Enum.GetValues<WorkOrderPriority>().ToDictionary(p => p, _ => Sla);
        DisputeType = await SaveTypeAsync(new OrderTypeInput(BankCampaign, "dispute", "交易争议",
            [new WorkOrderField("card_last4", "卡号后四位", Required: true), new WorkOrderField("amount", "争议金额", FieldKind.Number)],
            WorkOrderPriority.Normal, CardOffice, [new EscalationStep(SecondLine, TimeSpan.FromHours(4)), new EscalationStep(Supervisors, TimeSpan.FromHours(2))],
            false, true, sla));
        ComplaintType = await SaveTypeAsync(new OrderTypeInput(BankCampaign, "complaint", "越级投诉", [], WorkOrderPriority.High, SecondLine, [], true, true, sla));
        OutageType = await SaveTypeAsync(new OrderTypeInput(PowerCampaign, "outage", "停电报修", [new WorkOrderField("address", "地址")],
            WorkOrderPriority.High, PowerOffice, [], false, true, sla));
    }

    private async Task<Guid> SaveTypeAsync(OrderTypeInput input)
    {
        var (id, errors) = await Types.SaveAsync(null, input);
        Assert.Empty(errors);
        return id!.Value;
    }

    /// <summary>Opens a dispute order of the bank as the agent, on the desk's call.</summary>
    public async Task<long> OpenDisputeAsync(DateTimeOffset at, string subject = "信用卡交易争议，客户称未消费", string phone = "13800138000", string? customer = "张三",
        string card = "6217")
    {
        var result = await Orders.CreateAsync(await AgentAsync(), new NewWorkOrder(DisputeType, subject, "客户称 11 月 30 日一笔 1,200 元消费非本人所为", customer, phone,
            BankLead, new Dictionary<string, string?> { ["card_last4"] = card, ["amount"] = "1200" }, Call: new DeskCallLink(DeskCallLink.Outbound, Agent.ToString())),
            "desk", at);
        Assert.Empty(result.Problems);
        return result.Id!.Value;
    }

    public async Task<long> OpenOutageAsync(DateTimeOffset at, string subject = "小区停电，请派员抢修", string phone = "02166668888")
    {
        var result = await Orders.CreateAsync(await PowerClientAsync(), new NewWorkOrder(OutageType, subject, "整栋楼停电两小时", "李四", phone, null,
            new Dictionary<string, string?> { ["address"] = "浦东新区世纪大道 100 号" }), "client", at);
        Assert.Empty(result.Problems);
        return result.Id!.Value;
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>A Shanghai wall-clock time as an instant.</summary>
    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
