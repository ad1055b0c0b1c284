namespace Outbound.Core.Workforce;

/// <summary>One login session of an agent on the platform; open while <see cref="LoggedOut"/> is null.</summary>
public sealed record AgentSession(AgentId Agent, DateTime LoggedIn, DateTime? LoggedOut);

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

    public bool Worked => Status != AttendanceStatus.Absent;
}
