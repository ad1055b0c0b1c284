namespace Outbound.Core.Workforce;

/// <summary>One agent rostered on one shift on one day (wall-clock times of the call center).</summary>
public sealed record RosterEntry(AgentId Agent, TeamId Team, DateOnly Day, ShiftCode Shift, DateTime Start, DateTime End);
