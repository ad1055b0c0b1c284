namespace Outbound.Core.Workforce;

/// <summary>
/// A shift handover (交接班日志): who handed over which pending work to whom at the end of a shift.
/// <see cref="To"/> is null when the next shift's taker is not known by name (the team took it over).
/// </summary>
public sealed record HandoverLog(AgentId From, AgentId? To, DateOnly Day, ShiftCode Shift, string Notes, DateTime WrittenAt);
