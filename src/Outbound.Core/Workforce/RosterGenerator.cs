namespace Outbound.Core.Workforce;

/// <summary>Builds the month's roster: each team follows the rotation at its offset, leader and members alike.</summary>
public static class RosterGenerator
{
    public static IReadOnlyList<RosterEntry> Generate(CalendarMonth month, Rotation rotation,
        IReadOnlyCollection<TeamRotation> teams, IReadOnlyCollection<ShiftTemplate> templates)
    {
        var byCode = templates.ToDictionary(t => t.Code);
        var unknown = rotation.Cycle.OfType<ShiftCode>().FirstOrDefault(c => !byCode.ContainsKey(c));
        if (unknown is not null) throw new ArgumentException($"the rotation names shift '{unknown}', which has no template", nameof(rotation));
        var twice = teams.SelectMany(t => t.Team.Everyone()).GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"agent {twice.Key} is in more than one team", nameof(teams));

        var roster = new List<RosterEntry>();
        foreach (var day in month.Dates())
        foreach (var team in teams)
        {
            if (rotation.ShiftOn(day, team.Offset) is not { } code) continue;
            var shift = byCode[code];
            roster.AddRange(team.Team.Everyone().Select(agent =>
                new RosterEntry(agent, team.Team.Id, day, code, shift.StartOn(day), shift.EndOn(day))));
        }
        return roster;
    }
}
