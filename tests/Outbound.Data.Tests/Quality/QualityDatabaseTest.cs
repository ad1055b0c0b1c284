using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Quality;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Quality;
using Outbound.Data.Workforce;
using Outbound.Testing;

namespace Outbound.Data.Tests.Quality;

/// <summary>
/// A fresh database per test class: client A's campaign with two Qa scorers, a supervisor and agents Alice and Bob (staff
/// records, so rule 1 can be proposed), each with 40 recorded calls in November 2026; client B's campaign with its own Qa.
/// </summary>
public abstract class QualityDatabaseTest : IAsyncLifetime
{
    protected readonly PgTestDatabase Db = new();
    protected readonly TenantId TenantA = TenantId.New(), TenantB = TenantId.New();
    protected readonly Guid CampaignA = Guid.CreateVersion7(), CampaignB = Guid.CreateVersion7();
    protected readonly Guid QaA = Guid.NewGuid(), QaA2 = Guid.NewGuid(), QaB = Guid.NewGuid(), Supervisor = Guid.NewGuid(), Alice = Guid.NewGuid(), Bob = Guid.NewGuid();
    protected static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));
    protected static readonly PlanPeriod November = PlanPeriod.Month(2026, 11);

    protected QualityViewer AsQa(Guid user) => new(user, QualityRole.Qa, new HashSet<Guid> { user == QaB ? CampaignB : CampaignA });
    protected QualityViewer AsSupervisor() => new(Supervisor, QualityRole.Supervisor, new HashSet<Guid> { CampaignA });

    protected QualityForms Forms => new(Db.DataSource);
    protected QualityCalls Calls => new(Db.DataSource);
    protected SamplingPlans Plans => new(Db.DataSource, CenterTime.China);
    protected Evaluations Evaluations => new(Db.DataSource, Forms, Calls, CenterTime.China, NullLogger<Evaluations>.Instance);
    protected Calibrations Calibrations => new(Db.DataSource, Forms);

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        foreach (var (id, email) in new[] { (QaA, "qa-a"), (QaA2, "qa-a2"), (QaB, "qa-b"), (Supervisor, "sup"), (Alice, "alice"), (Bob, "bob") })
            await TestUsers.InsertAsync(Db.DataSource, id, $"{email}@quality.test");
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO tenants (id, code, name) VALUES (@ta, 'qa-bank', '甲银行'), (@tb, 'qa-power', '乙电力');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES (@ca, @ta, 'qa-collect', '催收', 'Collections', 'Predictive', '{}'), (@cb, @tb, 'qa-survey', '回访', 'Survey', 'Progressive', '{}');
            INSERT INTO user_roles (user_id, role_id) SELECT u, (SELECT id FROM roles WHERE name = 'Qa') FROM unnest(ARRAY[@qaA, @qaA2, @qaB]::uuid[]) u;
            INSERT INTO user_roles (user_id, role_id) SELECT @sup, id FROM roles WHERE name = 'Supervisor';
            INSERT INTO user_roles (user_id, role_id) SELECT u, (SELECT id FROM roles WHERE name = 'Agent') FROM unnest(ARRAY[@alice, @bob]::uuid[]) u;
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id) VALUES (@ta, @ca, @qaA), (@ta, @ca, @qaA2), (@tb, @cb, @qaB), (@ta, @ca, @sup),
                (@ta, @ca, @alice), (@ta, @ca, @bob);
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, time_zone, name)
            SELECT CASE WHEN n <= 80 THEN @ta ELSE @tb END, CASE WHEN n <= 80 THEN @ca ELSE @cb END, '+86139' || lpad(n::text, 8, '0'), 'mobile', 'Asia/Shanghai', '客户' || n
            FROM generate_series(1, 100) n;
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, agent, started_at, answered_at, connected_at,
                ended_at, wrap_ended_at, outcome, disposition, recording_path, run_id)
            SELECT gen_random_uuid(), l.tenant_id, l.campaign_id, l.id, 1, l.phone_e164, 'Predictive',
                   CASE WHEN l.campaign_id = @cb THEN @bob::text WHEN l.id % 2 = 0 THEN @alice::text ELSE @bob::text END,
                   t, t + interval '5 s', t + interval '6 s', t + interval '6 s' + (30 + (l.id * 17) % 400) * interval '1 s',
                   t + interval '40 s' + (30 + (l.id * 17) % 400) * interval '1 s', 'Answered',
                   (ARRAY['ptp', 'refused', 'callback'])[1 + l.id % 3], 'recordings/' || l.id || '.wav', 'test'
            FROM leads l, LATERAL (SELECT timestamptz '2026-11-03 10:00+08' + (l.id % 25) * interval '1 day' + (l.id % 7) * interval '1 hour' AS t) x;
            """, new
        {
            ta = TenantA.Value, tb = TenantB.Value, ca = CampaignA, cb = CampaignB, qaA = QaA, qaA2 = QaA2, qaB = QaB, sup = Supervisor, alice = Alice, bob = Bob,
        });
        var staff = new Staff(Db.DataSource);
        await staff.SaveAgentAsync(new StaffRecord(new AgentId(Alice), "Q001", "李丽", null, 3000m));
        await staff.SaveAgentAsync(new StaffRecord(new AgentId(Bob), "Q002", "张波", null, 3000m));
    }

    public Task DisposeAsync() => Db.DisposeAsync();

    protected async Task<Guid> CreateFormAsync(CriticalFailureMode mode = CriticalFailureMode.ScoreZero) =>
        (await Forms.SaveAsync(AsQa(QaA), null, TenantA, CampaignA, StarterForm.Create() with { CriticalMode = mode }, Now)).Id;

    /// <summary>The agent's calls in client A's campaign.</summary>
    protected async Task<IReadOnlyList<Guid>> CallsOfAsync(Guid agent) =>
        (await (await Db.DataSource.OpenConnectionAsync()).QueryAsync<Guid>(
            "SELECT id FROM call_records WHERE agent = @a AND campaign_id = @c ORDER BY id", new { a = agent.ToString(), c = CampaignA })).ToList();

    /// <summary>Answers that score 100 on the starter form; <paramref name="rudeness"/> fails its service-language item.</summary>
    protected static IReadOnlyList<ItemAnswer> Perfect(bool rudeness = false) => StarterForm.Create().Items
        .Select(i => i.Key == StarterForm.ServiceLanguageKey && rudeness ? ItemAnswer.No(i.Key) with { Note = "对客户说\"你烦不烦\"", AtSecond = 12 }
            : new ItemAnswer(i.Key, i.Kind == ItemKind.Deduction ? 0 : i.MaxValue)).ToList();
}
