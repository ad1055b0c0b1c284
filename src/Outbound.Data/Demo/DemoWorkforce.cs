using Microsoft.AspNetCore.Identity;
using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Identity;
using Outbound.Data.Workforce;

namespace Outbound.Data.Demo;

/// <summary>
/// The demo floor for Hr: three teams on an early/late 大轮班 (the supervisor leads the first), staff records
/// for the demo agents, the roster of last month and this month, and — once — a history of logins,
/// handover logs and deductions: last month's confirmed (one under appeal, which Hr decides before settling), this month's
/// proposals still drafts for Hr, and one refused recording deletion (rule 7).
/// Re-running restores templates, rotation, teams and staff and regenerates the two rosters; the history is kept.
/// </summary>
public sealed class DemoWorkforce(NpgsqlDataSource dataSource, UserManager<OutboundUser> users, TimeProvider clock)
{
    public static readonly ShiftTemplate Early = new(new ShiftCode("E"), "早班", new TimeOnly(8, 0), TimeSpan.FromHours(8));
    public static readonly ShiftTemplate Late = new(new ShiftCode("L"), "晚班", new TimeOnly(14, 0), TimeSpan.FromHours(8));

    /// <summary>早早晚晚休休: with three teams two days apart, every day has one team early, one late and one off.</summary>
    public static IReadOnlyList<ShiftCode?> Cycle { get; } = [Early.Code, Early.Code, Late.Code, Late.Code, null, null];

    public sealed record DemoTeam(TeamId Id, string Name, string Leader, int Offset, string[] Members);

    public static IReadOnlyList<DemoTeam> Teams { get; } =
    [
        new(new TeamId(Guid.Parse("7e000000-0000-7000-8000-000000000001")), "一组", "supervisor@demo.local", 0, ["agent1@demo.local", "agent2@demo.local"]),
        new(new TeamId(Guid.Parse("7e000000-0000-7000-8000-000000000002")), "二组", "agent3@demo.local", 2, ["agent4@demo.local"]),
        new(new TeamId(Guid.Parse("7e000000-0000-7000-8000-000000000003")), "三组", "agent5@demo.local", 4, ["agent6@demo.local"]),
    ];

    /// <summary>Employee numbers: S001 for the supervisor, W00n for agent n.</summary>
    public static string EmployeeNo(string email) => email.StartsWith("agent", StringComparison.Ordinal) ? $"W00{email[5]}" : "S001";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var time = CenterTime.China;
        var now = time.ToLocal(clock.GetUtcNow());
        var thisMonth = CalendarMonth.Of(DateOnly.FromDateTime(now));
        var staff = new Staff(dataSource);
        var rosters = new Rosters(dataSource, time);

        await rosters.SaveTemplateAsync(Early, ct);
        await rosters.SaveTemplateAsync(Late, ct);
        await rosters.SaveRotationAsync(new Rotation(Cycle, thisMonth.Previous.FirstDay), ct);
        var people = new List<AgentId>();
        foreach (var team in Teams)
        {
            var leader = await IdOf(team.Leader);
            await staff.SaveTeamAsync(team.Id, team.Name, leader, team.Offset, ct);
            foreach (var email in team.Members.Prepend(team.Leader))
            {
                var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"{email} is not seeded");
                await staff.SaveAgentAsync(new StaffRecord(new AgentId(user.Id), EmployeeNo(email), user.DisplayName, team.Id,
                    email == team.Leader ? 4000m : 3000m), ct);
                people.Add(new AgentId(user.Id));
            }
        }
        var settled = await new Settlements(dataSource).SettledMonthsAsync(ct);
        foreach (var month in new[] { thisMonth.Previous, thisMonth }.Where(m => !settled.Contains(m)))
            await rosters.GenerateAsync(month, ct);

        if (!await HasHistoryAsync(people, ct) && !settled.Contains(thisMonth.Previous))
            await SeedHistoryAsync(thisMonth, now, ct);
    }

    private async Task<AgentId> IdOf(string email) =>
        new((await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"{email} is not seeded")).Id);

    private async Task<bool> HasHistoryAsync(IReadOnlyList<AgentId> people, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM workforce_sessions WHERE agent_id = ANY(@ids))");
        cmd.Parameters.AddWithValue("ids", people.Select(p => p.Value).ToArray());
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static readonly string[] PendingWork =
    [
        "3 个预约回拨待处理(14:00 后)", "工单 #1024 待客户确认", "客户投诉升级,已报班长", "无待处理工作", "2 位客户承诺还款,待跟进到账",
        "回访问卷 5 份未完成", "系统提示音异常已报修",
    ];

    private async Task SeedHistoryAsync(CalendarMonth thisMonth, DateTime now, CancellationToken ct)
    {
        var time = CenterTime.China;
        var attendance = new AttendanceLog(dataSource, time);
        var handovers = new Handovers(dataSource, time);
        var roster = await new Rosters(dataSource, time).ForDaysAsync(thisMonth.Previous.FirstDay, thisMonth.LastDay, ct: ct);
        var agent = new Dictionary<string, AgentId>();
        foreach (var email in Teams.SelectMany(t => t.Members.Prepend(t.Leader))) agent[email] = await IdOf(email);

        DateTimeOffset Instant(DateTime local) => new(time.ToUtc(local), TimeSpan.Zero);
        foreach (var (entry, n) in roster.Where(e => e.Start <= now).GroupBy(e => e.Agent).SelectMany(g => g.Select((e, i) => (e, i))))
        {
            var who = agent.First(a => a.Value == entry.Agent).Key;
            // A few habits, so that attendance and detection have something to find.
            if (who == "agent6@demo.local" && n % 9 == 4) continue; // absent
            var login = who switch
            {
                "agent2@demo.local" when n % 6 == 2 => entry.Start.AddMinutes(7),   // late
                "agent1@demo.local" when n % 10 == 3 => entry.Start.AddMinutes(-6), // on time, but not 10 minutes early
                _ => entry.Start.AddMinutes(-12 - n % 6),
            };
            var logout = who == "agent4@demo.local" && n % 8 == 5 ? entry.End.AddHours(-1) : entry.End.AddMinutes(3 + n % 5);
            await attendance.LoginAsync(entry.Agent, Instant(login), ct);
            if (logout > now) continue; // still on shift
            await attendance.LogoutAsync(entry.Agent, Instant(logout), ct);
            if (who == "agent5@demo.local" && n % 7 == 6) continue; // forgot the handover log
            var colleague = roster.FirstOrDefault(e => e.Team == entry.Team && e.Day == entry.Day && e.Shift == entry.Shift && e.Agent != entry.Agent);
            await handovers.WriteAsync(new HandoverLog(entry.Agent, n % 2 == 0 ? colleague?.Agent : null, entry.Day, entry.Shift,
                PendingWork[(n + who.Length) % PendingWork.Length], entry.End.AddMinutes(-10)), ct);
        }

        var hr = new AssessmentActor(await IdOf("hr@demo.local"), AssessmentRole.Hr);
        var deductions = new Deductions(dataSource);
        var detection = new DetectionRun(dataSource, time);
        var last = thisMonth.Previous;
        var proposed = await detection.RunAsync(last.FirstDay, last.LastDay, clock.GetUtcNow(), ct);
        var recorded = new List<DeductionId>
        {
            await deductions.RecordAsync(new NewDeduction(agent["agent1@demo.local"], new RuleNumber(9), last.FirstDay.AddDays(11), null,
                new Evidence(EvidenceKind.Recording, null, "与客户发生争吵,见当日 15:20 通话录音")), hr, ct),
            await deductions.RecordAsync(new NewDeduction(agent["agent2@demo.local"], new RuleNumber(15), last.FirstDay.AddDays(4), null,
                Evidence.Written("月初未提交本月工作、学习计划")), hr, ct),
            await deductions.RecordAsync(new NewDeduction(agent["agent3@demo.local"], new RuleNumber(8), last.FirstDay.AddDays(17), null,
                Evidence.Written("工作时间串岗聊天,班长现场发现")), hr, ct),
        };
        foreach (var id in proposed.Concat(recorded)) await deductions.ApplyAsync(id, DeductionAction.Confirm, hr, null, ct);
        var appealable = (await deductions.ForAgentAsync(agent["agent2@demo.local"], hr, last, ct)).FirstOrDefault(d => d.Rule.Value == 2);
        if (appealable is not null)
            await deductions.ApplyAsync(appealable.Id, DeductionAction.Appeal, new AssessmentActor(agent["agent2@demo.local"], AssessmentRole.Agent),
                "当天地铁停运,已提交交通部门证明", ct);

        // This month: what the system found is left for Hr to confirm or void.
        await detection.RunAsync(thisMonth.FirstDay, thisMonth.LastDay, clock.GetUtcNow(), ct);
        await deductions.RecordAsync(new NewDeduction(agent["agent4@demo.local"], new RuleNumber(1), DateOnly.FromDateTime(now), null,
            new Evidence(EvidenceKind.Recording, null, "质检抽查录音:未使用标准开场白")), hr, ct);
        await new ProtectedFiles(dataSource, time).RefuseDeletionAsync(agent["agent6@demo.local"], ProtectedFileKind.Recording,
            $"recordings/{thisMonth}/demo-call.wav", clock.GetUtcNow(), ct);
    }
}
