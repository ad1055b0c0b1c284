namespace Outbound.Core.Workforce;

/// <summary>
/// Compares logins and logouts with the roster: late, early leave, absent, and ready in time for rule 2.
/// Sessions are merged into continuous stretches first (the dialer keeps one session per campaign, and
/// they overlap), so the arrival that counts is the start of the stretch the agent was in at shift
/// start: a short login at 07:00 followed by a gap and a login at 08:05 is late, not early. A stretch ended by a crash of
/// the dialer (not by the agent) says so, so that HR sees why the agent "left".
/// </summary>
public static class AttendanceClassifier
{
    public static AttendanceRecord Classify(RosterEntry shift, IEnumerable<AgentSession> sessions, AttendancePolicy policy)
    {
        var windowStart = shift.Start - policy.Lookback;
        var stretches = Merge(sessions
            .Where(s => s.Agent == shift.Agent && s.LoggedIn < shift.End && (s.LoggedOut ?? DateTime.MaxValue) > windowStart));
        var inShift = stretches.Where(s => s.In < shift.End && s.Out > shift.Start).ToList();
        if (inShift.Count == 0)
            return new AttendanceRecord(shift, AttendanceStatus.Absent, null, null);

        var atStart = inShift.FirstOrDefault(s => s.In <= shift.Start);
        var arrival = atStart?.In ?? inShift[0].In;
        var lastOut = inShift[^1].Out;
        var byCrash = inShift[^1].OutByCrash && lastOut != DateTime.MaxValue;
        // A stretch still open counts as present through the end of the shift.
        var lastLogout = lastOut == DateTime.MaxValue ? (DateTime?)null : lastOut;
        var late = atStart is null;
        var earlyLeave = lastOut < shift.End;
        var status = (late, earlyLeave) switch
        {
            (true, true) => AttendanceStatus.LateAndEarlyLeave,
            (true, false) => AttendanceStatus.Late,
            (false, true) => AttendanceStatus.EarlyLeave,
            _ => AttendanceStatus.Present,
        };
        return new AttendanceRecord(shift, status, arrival, lastLogout)
        {
            ReadyInTime = arrival <= shift.Start - policy.ReadyBefore,
            LogoutByCrash = byCrash,
        };
    }

    public static IReadOnlyList<AttendanceRecord> ClassifyAll(IEnumerable<RosterEntry> roster, IReadOnlyCollection<AgentSession> sessions,
        AttendancePolicy policy)
    {
        var byAgent = sessions.ToLookup(s => s.Agent);
        return roster.Select(r => Classify(r, byAgent[r.Agent], policy)).ToList();
    }

    /// <param name="OutByCrash">The session that ends the stretch was closed by a crash of the dialer.</param>
    private sealed record Stretch(DateTime In, DateTime Out, bool OutByCrash);

    /// <summary>Overlapping or touching sessions become one stretch; an open session runs to <see cref="DateTime.MaxValue"/>.</summary>
    private static List<Stretch> Merge(IEnumerable<AgentSession> sessions)
    {
        var merged = new List<Stretch>();
        foreach (var s in sessions.OrderBy(s => s.LoggedIn))
        {
            var end = s.LoggedOut ?? DateTime.MaxValue;
            var crash = s.ClosedByCrash && s.LoggedOut is not null;
            if (merged.Count > 0 && s.LoggedIn <= merged[^1].Out)
                merged[^1] = end > merged[^1].Out ? merged[^1] with { Out = end, OutByCrash = crash } : merged[^1];
            else
                merged.Add(new Stretch(s.LoggedIn, end, crash));
        }
        return merged;
    }
}
