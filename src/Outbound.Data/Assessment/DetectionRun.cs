using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Data.Workforce;

namespace Outbound.Data.Assessment;

/// <summary>
/// Looks at the system's own data for a range of days (ended shifts only) and proposes drafts for
/// rule 2 (not logged in 10 minutes before start) and rule 13 (no handover log). Safe to run repeatedly.
/// </summary>
public sealed class DetectionRun(NpgsqlDataSource dataSource, CenterTime time)
{
    public async Task<IReadOnlyList<DeductionId>> RunAsync(DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct = default)
    {
        var attendance = await new AttendanceLog(dataSource, time).ClassifyAsync(from, to, now, ct);
        var logs = await new Handovers(dataSource, time).ForDaysAsync(from, to, ct);
        var proposals = AttendanceDetection.Propose(attendance).Concat(HandoverDetection.Propose(attendance, logs));
        return await new Deductions(dataSource).ProposeAsync(proposals, ct);
    }
}
