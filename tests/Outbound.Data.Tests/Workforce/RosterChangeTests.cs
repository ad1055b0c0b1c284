using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Tests.Assessment;
using Outbound.Data.Workforce;

namespace Outbound.Data.Tests.Workforce;

/// <summary>Hr changes single days of the generated roster (swaps, leave, extra shifts), and attendance follows the change.</summary>
public sealed class RosterChangeTests : AssessmentDatabaseTest
{
    private static readonly ShiftCode Early = new("E");

    private Rosters Rosters => new(Db.DataSource, CenterTime.China);

    private async Task RosterMarch()
    {
        await Rosters.SaveTemplateAsync(new ShiftTemplate(Early, "早班", new TimeOnly(8, 0), TimeSpan.FromHours(8)));
        await Rosters.SaveRotationAsync(new Rotation([Early, Early, null, null], new DateOnly(2026, 3, 1)));
        await Rosters.GenerateAsync(new CalendarMonth(2026, 3));
    }

    private static DateOnly March(int day) => new(2026, 3, day);

    [Fact]
    public async Task Leave_on_a_working_day_is_not_absence_and_an_extra_shift_on_a_rest_day_is_judged()
    {
        await RosterMarch();
        await Rosters.SetDayAsync(Alice, March(1), null);  // leave
        await Rosters.SetDayAsync(Alice, March(3), Early); // covers a rest day

        Assert.Empty(await Rosters.ForDaysAsync(March(1), March(1), Alice));
        var extra = Assert.Single(await Rosters.ForDaysAsync(March(3), March(3), Alice));
        Assert.Equal((TeamA, new DateTime(2026, 3, 3, 8, 0, 0)), (extra.Team, extra.Start));

        var created = await new DetectionRun(Db.DataSource, CenterTime.China).RunAsync(March(1), March(3), new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.FromHours(8)));
        var alice = await new Deductions(Db.DataSource).ForAgentAsync(Alice, Hr);
        // Nothing for the day on leave; the extra shift nobody logged in for is proposed (rule 2, absent).
        Assert.DoesNotContain(alice, d => d.OccurredOn == March(1));
        Assert.Contains(alice, d => d.OccurredOn == March(3) && d.Rule.Value == 2);
        Assert.NotEmpty(created);
    }

    [Fact]
    public async Task A_shift_without_a_template_or_a_person_without_a_team_cannot_be_rostered()
    {
        await RosterMarch();
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => Rosters.SetDayAsync(Alice, March(3), new ShiftCode("X")));
        await new Staff(Db.DataSource).SaveAgentAsync(new StaffRecord(Alice, "A001", "李丽", null, 3000m));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => Rosters.SetDayAsync(Alice, March(3), Early));
    }
}
