using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment.Detection;

/// <summary>Rule 13: every agent who worked a shift hands it over with a log; a worked shift without one is proposed.</summary>
public static class HandoverDetection
{
    public static readonly RuleNumber Rule = new(13);

    public static IEnumerable<DeductionProposal> Propose(IEnumerable<AttendanceRecord> attendance, IEnumerable<HandoverLog> logs)
    {
        var written = logs.Select(l => (l.From, l.Day, l.Shift)).ToHashSet();
        return attendance
            .Where(a => a.Worked && !written.Contains((a.Shift.Agent, a.Shift.Day, a.Shift.Shift)))
            .Select(a => new DeductionProposal(a.Shift.Agent, Rule, a.Shift.Day,
                new Evidence(EvidenceKind.HandoverLog, ShiftKey.Of(a.Shift),
                    $"班次 {a.Shift.Shift} {a.Shift.Day:yyyy-MM-dd} 未填写交接班日志")));
    }
}
