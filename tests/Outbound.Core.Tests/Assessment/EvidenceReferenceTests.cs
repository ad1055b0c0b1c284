using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Workforce;

namespace Outbound.Core.Tests.Assessment;

public sealed class EvidenceReferenceTests
{
    [Fact]
    public void A_detected_shift_key_reads_as_the_day_and_shift_without_the_agents_id()
    {
        var agent = AgentId.New();
        var key = ShiftKey.Of(new RosterEntry(agent, TeamId.New(), new DateOnly(2026, 11, 3), new ShiftCode("L"), new DateTime(2026, 11, 3, 14, 0, 0),
            new DateTime(2026, 11, 3, 22, 0, 0)));

        var text = EvidenceReference.Describe(key)!;

        Assert.Equal(("2026-11-03 L 班", "shift L of 2026-11-03"), (text.Zh, text.En));
        Assert.DoesNotContain(agent.Value.ToString(), text.Zh);
    }

    [Fact]
    public void A_delete_attempt_reads_by_its_number_and_a_typed_reference_as_typed()
    {
        Assert.Equal("删除尝试记录 #42", EvidenceReference.Describe(DeleteAttemptDetection.ReferencePrefix + "42")!.Zh);
        Assert.Equal("call-7f3a", EvidenceReference.Describe("call-7f3a")!.Zh);
        Assert.Null(EvidenceReference.Describe(" "));
    }
}
