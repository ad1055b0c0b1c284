using Outbound.Core.Workforce;

namespace Outbound.Core.Tests.Workforce;

public sealed class RosterGeneratorTests
{
    private static readonly ShiftCode Early = new("E"), Late = new("L"), Night = new("N");
    private static readonly ShiftTemplate[] Templates =
    [
        new(Early, "早班", new TimeOnly(8, 0), TimeSpan.FromHours(8)),
        new(Late, "中班", new TimeOnly(16, 0), TimeSpan.FromHours(8)),
        new(Night, "夜班", new TimeOnly(23, 30), TimeSpan.FromHours(8.5)),
    ];

    // 早早中中夜夜休休: an 8-day cycle; four teams two days apart cover every shift each day.
    private static readonly Rotation FourTeam = new([Early, Early, Late, Late, Night, Night, null, null], new DateOnly(2026, 3, 1));

    private static Team MakeTeam(string name, int members) =>
        new(TeamId.New(), name, AgentId.New(), Enumerable.Range(0, members).Select(_ => AgentId.New()).ToList());

    [Fact]
    public void Team_leader_works_the_same_shifts_as_the_team()
    {
        var team = MakeTeam("一班", 3);
        var roster = RosterGenerator.Generate(new CalendarMonth(2026, 3), FourTeam, [new TeamRotation(team, 0)], Templates);

        var leaderDays = roster.Where(r => r.Agent == team.Leader).Select(r => (r.Day, r.Shift)).ToList();
        foreach (var member in team.Members)
            Assert.Equal(leaderDays, roster.Where(r => r.Agent == member).Select(r => (r.Day, r.Shift)));
    }

    [Fact]
    public void A_team_at_offset_zero_works_six_days_in_eight()
    {
        // March has 31 days: 3 full cycles (24 days, 18 worked) + 7 days (E E L L N N rest) = 6 → 24 worked days.
        var team = MakeTeam("一班", 0);
        var roster = RosterGenerator.Generate(new CalendarMonth(2026, 3), FourTeam, [new TeamRotation(team, 0)], Templates);
        Assert.Equal(24, roster.Count);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0), roster[0].Start);
        Assert.Equal(Night, roster.Single(r => r.Day == new DateOnly(2026, 3, 5)).Shift);
    }

    [Fact]
    public void Four_teams_two_days_apart_cover_every_shift_every_day()
    {
        var teams = new[] { 0, 2, 4, 6 }.Select((o, i) => new TeamRotation(MakeTeam($"{i + 1}班", 1), o)).ToList();
        var roster = RosterGenerator.Generate(new CalendarMonth(2026, 2), FourTeam, teams, Templates);
        foreach (var day in new CalendarMonth(2026, 2).Dates())
            Assert.Equal(["E", "L", "N"], roster.Where(r => r.Day == day).Select(r => r.Shift.Value).Distinct().Order());
    }

    [Fact]
    public void Night_shift_ends_the_next_morning()
    {
        var team = MakeTeam("一班", 0);
        var roster = RosterGenerator.Generate(new CalendarMonth(2026, 3), FourTeam, [new TeamRotation(team, 0)], Templates);
        var night = roster.First(r => r.Shift == Night);
        Assert.Equal(new DateTime(2026, 3, 5, 23, 30, 0), night.Start);
        Assert.Equal(new DateTime(2026, 3, 6, 8, 0, 0), night.End);
    }

    [Fact]
    public void An_agent_in_two_teams_is_refused()
    {
        var a = MakeTeam("一班", 1);
        var b = new Team(TeamId.New(), "二班", AgentId.New(), [a.Members[0]]);
        Assert.Throws<ArgumentException>(() =>
            RosterGenerator.Generate(new CalendarMonth(2026, 3), FourTeam, [new TeamRotation(a, 0), new TeamRotation(b, 2)], Templates));
    }
}
