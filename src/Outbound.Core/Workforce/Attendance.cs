namespace Outbound.Core.Workforce;

/// <summary>One login session of an agent on the platform; open while <see cref="LoggedOut"/> is null.</summary>
public sealed record AgentSession(AgentId Agent, DateTime LoggedIn, DateTime? LoggedOut)
{
    /// <summary>The agent did not log out: the dialer crashed, and its next start closed the session at the crash time.</summary>
    public bool ClosedByCrash { get; init; }
}

/// <summary>
/// How attendance is judged. <see cref="ReadyBefore"/> is the seed's rule 2 (提前10分钟到岗);
/// a session counts for a shift when it overlaps the shift or starts within <see cref="Lookback"/> before it.
/// </summary>
public sealed record AttendancePolicy(TimeSpan ReadyBefore, TimeSpan Lookback)
{
    public static AttendancePolicy Seed { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2));
}

public enum AttendanceStatus
{
    /// <summary>Logged in by shift start and stayed to the end.</summary>
    Present,
    Late,
    EarlyLeave,
    LateAndEarlyLeave,
    Absent,
}

/// <summary>The verdict for one rostered shift, with the times that justify it.</summary>
public sealed record AttendanceRecord(RosterEntry Shift, AttendanceStatus Status, DateTime? FirstLogin, DateTime? LastLogout)
{
    /// <summary>Whether the agent was logged in <see cref="AttendancePolicy.ReadyBefore"/> before the start (rule 2).</summary>
    public bool ReadyInTime { get; init; }

    /// <summary>The last logout was a crash of the dialer, not the agent's: HR should not read it as leaving.</summary>
    public bool LogoutByCrash { get; init; }

    public bool Worked => Status != AttendanceStatus.Absent;
}
