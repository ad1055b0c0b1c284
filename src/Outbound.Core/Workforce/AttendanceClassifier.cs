namespace Outbound.Core.Workforce;

/// <summary>Compares logins and logouts with the roster: late, early leave, absent, and ready in time for rule 2.</summary>
public static class AttendanceClassifier
{
    public static AttendanceRecord Classify(RosterEntry shift, IEnumerable<AgentSession> sessions, AttendancePolicy policy)
    {
        var windowStart = shift.Start - policy.Lookback;
        var relevant = sessions
            .Where(s => s.Agent == shift.Agent && s.LoggedIn < shift.End && (s.LoggedOut ?? DateTime.MaxValue) > windowStart)
            .ToList();
        if (relevant.Count == 0)
            return new AttendanceRecord(shift, AttendanceStatus.Absent, null, null);

        var firstLogin = relevant.Min(s => s.LoggedIn);
        // A session still open counts as present through the end of the shift.
        var lastLogout = relevant.Any(s => s.LoggedOut is null) ? (DateTime?)null : relevant.Max(s => s.LoggedOut!.Value);
        var late = firstLogin > shift.Start;
        var earlyLeave = lastLogout is { } lo && lo < shift.End;
        var status = (late, earlyLeave) switch
        {
            (true, true) => AttendanceStatus.LateAndEarlyLeave,
            (true, false) => AttendanceStatus.Late,
            (false, true) => AttendanceStatus.EarlyLeave,
            _ => AttendanceStatus.Present,
        };
        return new AttendanceRecord(shift, status, firstLogin, lastLogout)
        {
            ReadyInTime = firstLogin <= shift.Start - policy.ReadyBefore,
        };
    }

    public static IReadOnlyList<AttendanceRecord> ClassifyAll(IEnumerable<RosterEntry> roster, IReadOnlyCollection<AgentSession> sessions,
        AttendancePolicy policy)
    {
        var byAgent = sessions.ToLookup(s => s.Agent);
        return roster.Select(r => Classify(r, byAgent[r.Agent], policy)).ToList();
    }
}
