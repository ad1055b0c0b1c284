using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Outbound.Core.Quality;
using Outbound.Core.Tenants;
using Outbound.Data.Identity;
using Outbound.Data.Quality;

namespace Outbound.Data.Demo;

/// <summary>
/// The demo's quality side, written once: recorded calls of the six agents on the bank campaign over the last two months
/// and this month so far (with their WAVs where sampled), the campaign's evaluation form, a plan per month scored by the
/// two Qa users — the older months in full, this month in part — with acknowledgements, a dispute decided and one waiting,
/// a failed service-language item proposing rule 1, and a closed calibration session.
/// </summary>
public sealed class DemoQuality(NpgsqlDataSource dataSource, UserManager<OutboundUser> users, QualityForms forms, SamplingPlans plans,
    Evaluations evaluations, Calibrations calibrations, TimeProvider clock)
{
    public const string QaEmail = "qa@demo.local";
    public const string Qa2Email = "qa2@demo.local";
    private static readonly string[] Dispositions = ["promise_to_pay", "refused", "callback", "third_party", "paid"];

    public async Task SeedAsync(TenantId tenant, Guid campaign, string recordings, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM qa_plans WHERE campaign_id = @campaign)",
                new { campaign }, cancellationToken: ct))) return;

        var agents = new List<Guid>();
        for (var i = 1; i <= 6; i++) agents.Add((await users.FindByEmailAsync($"agent{i}@demo.local"))!.Id);
        var qa = (await users.FindByEmailAsync(QaEmail))!.Id;
        var qa2 = (await users.FindByEmailAsync(Qa2Email))!.Id;
        var supervisor = (await users.FindByEmailAsync("supervisor@demo.local"))!.Id;
        var scope = new HashSet<Guid> { campaign };
        var asQa = new QualityViewer(qa, QualityRole.Qa, scope);
        var asQa2 = new QualityViewer(qa2, QualityRole.Qa, scope);
        var now = clock.GetUtcNow();
        var center = CenterTime.China;
        var today = center.Day(now);

        var (formId, _) = await forms.SaveAsync(asQa, null, tenant, campaign, StarterForm.Create("信用卡催收通话质检表"), now, ct);
        var random = new Random(20261207);
        var calls = await InsertCallsAsync(connection, tenant, campaign, agents, today, center, random, recordings, ct);

        var months = new[] { today.AddMonths(-2), today.AddMonths(-1), today };
        var form = (await forms.VersionAsync(formId, 1, ct))!;
        var scored = new List<(Guid Evaluation, Guid Agent, int Month)>();
        for (var m = 0; m < months.Length; m++)
        {
            var period = PlanPeriod.Month(months[m].Year, months[m].Month);
            var outcome = await plans.CreateAsync(QualityViewer.System, campaign, period,
                new SamplingSettings { PerAgent = 4, MinTalkSeconds = 20, TakeAllWhenShort = true, LongCallMinutes = 15 }, 20260000 + months[m].Month, now, ct);
            if (outcome.Plan is not { } plan) continue;
            var planCalls = await plans.CallsAsync(plan.Id, ct);
            foreach (var (c, index) in planCalls.Select((c, i) => (c, i)))
            {
                var call = calls[c.CallId];
                DemoRecordings.Write(call.Path, call.Seconds, index + 31 * m);
                // This month is scored in part, so the dashboard shows work left.
                if (m == 2 && index % 2 == 1 || c.Scorer is not { } scorer) continue;
                var rude = m == 1 && index == 3;
                var answers = Answers(form, random, rude);
                var when = call.At.AddHours(20) < now ? call.At.AddHours(20) : now;
                var id = await evaluations.SubmitAsync(scorer == qa ? asQa : asQa2, c.CallId, formId, 1, answers, null, when, ct);
                scored.Add((id, Guid.Parse(c.Agent), m));
            }
        }

        // Feedback: older evaluations acknowledged, one dispute upheld by the supervisor, one waiting for a second Qa.
        var last = scored.Where(s => s.Month == 1).ToList();
        foreach (var (id, agent, _) in scored.Where(s => s.Month == 0)) await evaluations.AcknowledgeAsync(agent, id, now, ct);
        if (last.Count > 4)
        {
            await evaluations.DisputeAsync(last[0].Agent, last[0].Evaluation, "客户当时情绪激动,我已按规范安抚,开场白在录音 0:05 处有说。", now, ct);
            await evaluations.DecideAsync(new QualityViewer(supervisor, QualityRole.Supervisor, null), last[0].Evaluation, false, null,
                "复听录音,开场白未报工号,维持原评分。", now, ct);
            await evaluations.DisputeAsync(last[1].Agent, last[1].Evaluation, "客户要求挂断,结束语无法完成,请复核。", now, ct);
            foreach (var (id, agent, _) in last.Skip(4)) await evaluations.AcknowledgeAsync(agent, id, now, ct);
        }

        // A closed calibration session on three of last month's calls.
        var sample = calls.Values.Where(c => c.At < center.ToInstant(new DateTime(today.Year, today.Month, 1)) && c.At > now.AddDays(-45)).Take(3).ToList();
        if (sample.Count == 3)
        {
            var session = await calibrations.CreateAsync(asQa, campaign, "上月校准会(催收开场与结束语)", sample.Select(s => s.Id).ToList(), [qa, qa2], null, 5m, now, ct);
            foreach (var (c, i) in sample.Select((c, i) => (c, i)))
            {
                DemoRecordings.Write(c.Path, c.Seconds, 500 + i);
                await evaluations.SubmitAsync(asQa, c.Id, formId, 1, Answers(form, new Random(900 + i), false), session, now, ct);
                await evaluations.SubmitAsync(asQa2, c.Id, formId, 1, Answers(form, new Random(950 + i), false), session, now, ct);
            }
            await calibrations.CloseAsync(asQa, session, now, ct);
        }
    }

    private sealed record DemoCall(Guid Id, DateTimeOffset At, int Seconds, string Path);

    /// <summary>About 22 answered calls per agent and month (this month up to yesterday), 20 s to 16 min, on demo leads the dialer never calls.</summary>
    private static async Task<Dictionary<Guid, DemoCall>> InsertCallsAsync(NpgsqlConnection connection, TenantId tenant, Guid campaign, IReadOnlyList<Guid> agents,
        DateOnly today, CenterTime center, Random random, string recordings, CancellationToken ct)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var calls = new Dictionary<Guid, DemoCall>();
        var rows = new List<object>();
        var n = 0;
        for (var day = first; day < today; day = day.AddDays(1))
            foreach (var agent in agents)
            {
                if (random.NextDouble() > 0.72) continue;
                n++;
                var at = center.ToInstant(day.ToDateTime(new TimeOnly(9 + random.Next(10), random.Next(60))));
                var seconds = random.NextDouble() < 0.04 ? 900 + random.Next(80) : 20 + random.Next(150);
                var id = Guid.CreateVersion7(at);
                var path = System.IO.Path.Combine(recordings, campaign.ToString(), $"demo-{id}.wav");
                calls[id] = new DemoCall(id, at.AddSeconds(7), seconds, path);
                rows.Add(new
                {
                    id, tenant = tenant.Value, campaign, phone = $"+86139{n:D8}", agent = agent.ToString(), at = at.UtcDateTime, seconds,
                    disposition = Dispositions[random.Next(Dispositions.Length)], path, name = $"质检示范客户{n}",
                });
            }
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            WITH lead AS (
                INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, status, attempts)
                VALUES (@tenant, @campaign, @phone, 'mobile', 'CN-31', 'Asia/Shanghai', @name, 'done', 1) RETURNING id)
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, region, local_hour, dial_mode, agent, started_at, ringing_at,
                answered_at, connected_at, ended_at, wrap_ended_at, outcome, amd_result, disposition, recording_path, run_id)
            SELECT @id, @tenant, @campaign, lead.id, 1, @phone, 'CN-31', extract(hour FROM @at AT TIME ZONE 'Asia/Shanghai')::int, 'Predictive', @agent, @at,
                   @at + interval '2 s', @at + interval '6 s', @at + interval '7 s', @at + interval '7 s' + @seconds * interval '1 s',
                   @at + interval '27 s' + @seconds * interval '1 s', 'Answered', 'human', @disposition, @path, 'demo'
            FROM lead
            """, rows, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return calls;
    }

    /// <summary>Mostly good calls with the usual slips; <paramref name="rude"/> fails the service-language item.</summary>
    private static IReadOnlyList<ItemAnswer> Answers(EvaluationForm form, Random random, bool rude) => form.Items.Select(item =>
    {
        if (item.Key == StarterForm.ServiceLanguageKey) return rude ? ItemAnswer.No(item.Key) with { Note = "客户拖延还款时坐席说\"你到底还不还\"", AtSecond = 14 } : ItemAnswer.Yes(item.Key);
        if (item.Key == StarterForm.PrivacyKey) return ItemAnswer.Yes(item.Key);
        return item.Kind switch
        {
            ItemKind.YesNo => random.NextDouble() < 0.82 ? ItemAnswer.Yes(item.Key) : ItemAnswer.No(item.Key) with { Note = "未按标准话术", AtSecond = random.Next(3, 18) },
            ItemKind.Scale => new ItemAnswer(item.Key, Math.Max(1, item.ScaleMax - random.Next(3))),
            _ => new ItemAnswer(item.Key, random.NextDouble() < 0.15 ? 1 : 0),
        };
    }).ToList();
}
