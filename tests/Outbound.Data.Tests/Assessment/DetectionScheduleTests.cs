using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;

namespace Outbound.Data.Tests.Assessment;

public sealed class DetectionScheduleTests : AssessmentDatabaseTest
{
    [Fact]
    public async Task A_late_login_reaches_hrs_drafts_one_interval_later_without_anyone_asking()
    {
        var early = new ShiftCode("E");
        var rosters = new Rosters(Db.DataSource, CenterTime.China);
        await rosters.SaveTemplateAsync(new ShiftTemplate(early, "早班", new TimeOnly(8, 0), TimeSpan.FromHours(8)));
        await rosters.SaveRotationAsync(new Rotation([early], new DateOnly(2026, 3, 1)));
        await rosters.GenerateAsync(new CalendarMonth(2026, 3));
        var log = new AttendanceLog(Db.DataSource, CenterTime.China);
        var beijing = TimeSpan.FromHours(8);
        foreach (var who in new[] { Leader, Alice, Bob, Outsider })
        {
            await log.LoginAsync(who, new DateTimeOffset(2026, 3, 1, who == Bob ? 8 : 7, who == Bob ? 20 : 40, 0, beijing));
            await log.LogoutAsync(who, new DateTimeOffset(2026, 3, 1, 16, 5, 0, beijing));
            await new Handovers(Db.DataSource, CenterTime.China).WriteAsync(
                new HandoverLog(who, null, new DateOnly(2026, 3, 1), early, "无", new DateTime(2026, 3, 1, 15, 55, 0)));
        }
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 17, 0, 0, beijing));
        var schedule = new DetectionSchedule(new DetectionRun(Db.DataSource, CenterTime.China), CenterTime.China, clock,
            Options.Create(new DetectionOptions { Every = TimeSpan.FromMinutes(15) }), NullLogger<DetectionSchedule>.Instance);
        var deductions = new Deductions(Db.DataSource);

        await schedule.StartAsync(CancellationToken.None);
        try
        {
            Assert.Empty(await deductions.ForAgentAsync(Bob, Hr));
            clock.Advance(TimeSpan.FromMinutes(15));
            IReadOnlyList<DeductionView> bobs = [];
            for (var i = 0; i < 100 && bobs.Count == 0; i++)
            {
                await Task.Delay(50);
                bobs = await deductions.ForAgentAsync(Bob, Hr);
            }
            var draft = Assert.Single(bobs);
            Assert.Equal((2, DeductionState.Draft), (draft.Rule.Value, draft.State));
            Assert.Empty(await deductions.ForAgentAsync(Alice, Hr));
        }
        finally
        {
            await schedule.StopAsync(CancellationToken.None);
        }
    }
}
