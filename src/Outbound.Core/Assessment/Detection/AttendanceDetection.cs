using System.Globalization;
using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment.Detection;

/// <summary>Rule 2: not logged in 10 minutes before shift start (absent counts too: the agent was not at the seat).</summary>
public static class AttendanceDetection
{
    public static readonly RuleNumber Rule = new(2);

    public static IEnumerable<DeductionProposal> Propose(IEnumerable<AttendanceRecord> attendance) =>
        attendance.Where(a => !a.ReadyInTime).Select(a => new DeductionProposal(
            a.Shift.Agent, Rule, a.Shift.Day,
            new Evidence(EvidenceKind.Attendance, ShiftKey.Of(a.Shift), Note(a))));

    private static string Note(AttendanceRecord a) => a.FirstLogin is { } login
        ? $"班次 {a.Shift.Shift} {a.Shift.Start:yyyy-MM-dd HH:mm} 开始,首次登录 {login.ToString("HH:mm", CultureInfo.InvariantCulture)}(应不晚于 {a.Shift.Start.AddMinutes(-10):HH:mm})"
        : $"班次 {a.Shift.Shift} {a.Shift.Start:yyyy-MM-dd HH:mm} 未登录(缺勤)";
}

/// <summary>A stable key for one agent's shift on one day, used as evidence reference.</summary>
public static class ShiftKey
{
    private const string Prefix = "shift:";

    public static string Of(RosterEntry shift) => $"{Prefix}{shift.Day:yyyy-MM-dd}:{shift.Shift}:{shift.Agent}";

    /// <summary>The day and shift code of a key made by <see cref="Of"/>.</summary>
    public static bool TryRead(string reference, out string day, out string shift)
    {
        (day, shift) = ("", "");
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal) || reference.Split(':') is not [_, var d, var s, _]) return false;
        (day, shift) = (d, s);
        return true;
    }
}
