using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Workforce;

namespace Outbound.Core.Tests.Assessment;

public sealed class DetectionTests
{
    private static readonly AgentId Punctual = AgentId.New(), Tardy = AgentId.New(), Missing = AgentId.New();
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static RosterEntry ShiftOf(AgentId agent) => new(agent, TeamId.New(), Day, new ShiftCode("E"),
        Day.ToDateTime(new TimeOnly(8, 0)), Day.ToDateTime(new TimeOnly(16, 0)));

    private static IReadOnlyList<AttendanceRecord> Attendance() => AttendanceClassifier.ClassifyAll(
        [ShiftOf(Punctual), ShiftOf(Tardy), ShiftOf(Missing)],
        [
            new AgentSession(Punctual, Day.ToDateTime(new TimeOnly(7, 50)), Day.ToDateTime(new TimeOnly(16, 0))),
            new AgentSession(Tardy, Day.ToDateTime(new TimeOnly(7, 51)), Day.ToDateTime(new TimeOnly(16, 0))),
        ],
        AttendancePolicy.Seed);

    [Fact]
    public void Rule_2_is_proposed_for_a_login_later_than_ten_minutes_before_start_and_for_absence()
    {
        var proposals = AttendanceDetection.Propose(Attendance()).ToList();
        Assert.Equal([Tardy, Missing], proposals.Select(p => p.Agent));
        Assert.All(proposals, p => Assert.Equal(2, p.Rule.Value));
        Assert.All(proposals, p => Assert.Equal(EvidenceKind.Attendance, p.Evidence.Kind));
        Assert.Contains("07:51", proposals[0].Evidence.Note);
    }

    [Fact]
    public void Rule_13_is_proposed_for_a_worked_shift_without_handover_log_but_not_for_an_absent_agent()
    {
        var logs = new[] { new HandoverLog(Punctual, Tardy, Day, new ShiftCode("E"), "3 个待回拨", Day.ToDateTime(new TimeOnly(15, 55))) };
        var proposals = HandoverDetection.Propose(Attendance(), logs).ToList();
        var only = Assert.Single(proposals);
        Assert.Equal(Tardy, only.Agent);
        Assert.Equal(13, only.Rule.Value);
        Assert.Equal(EvidenceKind.HandoverLog, only.Evidence.Kind);
    }

    [Fact]
    public void A_delete_attempt_proposes_rule_7_with_a_reference_to_the_attempt()
    {
        var attempt = new DeleteAttempt(Guid.NewGuid(), Tardy, ProtectedFileKind.Recording, "rec-42.wav", new DateTime(2026, 3, 9, 10, 0, 0));
        var p = DeleteAttemptDetection.Propose(attempt);
        Assert.Equal(7, p.Rule.Value);
        Assert.Equal(new DateOnly(2026, 3, 9), p.OccurredOn);
        Assert.Equal($"delete-attempt:{attempt.AttemptId}", p.Evidence.Reference);
    }

    [Fact]
    public void Detection_proposes_the_same_occurrence_with_the_same_reference_twice()
    {
        var first = AttendanceDetection.Propose(Attendance()).Select(p => p.Evidence.Reference);
        var second = AttendanceDetection.Propose(Attendance()).Select(p => p.Evidence.Reference);
        Assert.Equal(first, second);
    }
}
