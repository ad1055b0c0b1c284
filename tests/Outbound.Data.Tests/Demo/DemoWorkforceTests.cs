using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Demo;
using Outbound.Data.Workforce;
using Outbound.Testing;

namespace Outbound.Data.Tests.Demo;

/// <summary>The demo gives Hr a floor to look at: teams on a rotation, rosters, attendance, handovers and deductions.</summary>
public sealed class DemoWorkforceTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    /// <summary>16 March 2026, 10:00 in Beijing: February is over and unsettled, March half-way.</summary>
    private sealed class MidMarch : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);
    }

    private static readonly CalendarMonth February = new(2026, 2), March = new(2026, 3);

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = db.ConnectionString;
        builder.Services.AddSingleton<TimeProvider>(new MidMarch());
        builder.AddOutboundData();
        return builder.Build();
    }

    private async Task SeedAsync()
    {
        using var host = BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task The_demo_floor_has_teams_on_a_rotation_a_history_for_hr_and_seeding_again_adds_nothing()
    {
        await SeedAsync();

        var staff = await new Staff(db.DataSource).ListAsync();
        Assert.Equal(["S001", "W001", "W002", "W003", "W004", "W005", "W006"], staff.Select(s => s.EmployeeNo));
        var roster = await new Rosters(db.DataSource, CenterTime.China).ForDaysAsync(March.FirstDay, March.LastDay);
        foreach (var day in roster.GroupBy(r => r.Day))
        {
            // Every day one team works early, one late, one is off; a leader is always on the shift of the team.
            Assert.Equal(["E", "L"], day.Select(r => r.Shift.Value).Distinct().Order());
            Assert.All(day.GroupBy(r => r.Team), team => Assert.Single(team.Select(r => r.Shift).Distinct()));
        }

        var hr = new AssessmentActor(AgentId.New(), AssessmentRole.Hr);
        var deductions = new Deductions(db.DataSource);
        // February's occurrences are decided by Hr; none is left as a draft.
        var drafts = await deductions.InStateAsync(DeductionState.Draft, hr);
        Assert.DoesNotContain(drafts, d => CalendarMonth.Of(d.OccurredOn) == February);
        var appealed = Assert.Single(await deductions.InStateAsync(DeductionState.Appealed, hr));
        Assert.Equal(2, appealed.Rule.Value);
        var confirmed = await deductions.InStateAsync(DeductionState.Confirmed, hr);
        Assert.Contains(confirmed, d => d.Rule.Value == 13 && d.Source == "detected");
        Assert.Contains(confirmed, d => d.Rule.Value == 9 && d.Fine == 100m);
        // March's proposals wait for Hr, the refused recording deletion among them.
        Assert.Contains(drafts, d => d.Rule.Value == 7 && CalendarMonth.Of(d.OccurredOn) == March);
        Assert.Contains(drafts, d => d.Rule.Value == 2 && d.Source == "detected");

        // February waits for Hr to decide its appeal, then settles.
        var settlements = new Settlements(db.DataSource);
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => settlements.SettleAsync(February, hr, new MidMarch().GetUtcNow()));
        await deductions.ApplyAsync(appealed.Id, DeductionAction.Uphold, hr, "考勤记录属实");
        var settled = await settlements.SettleAsync(February, hr, new MidMarch().GetUtcNow());
        Assert.Equal(7, settled.Summary.Agents);
        Assert.True(settled.Summary.TotalPoints < 700);

        var sessions = await CountAsync("SELECT count(*) FROM workforce_sessions");
        var recorded = await CountAsync("SELECT count(*) FROM assessment_deductions");
        await SeedAsync();
        Assert.Equal(sessions, await CountAsync("SELECT count(*) FROM workforce_sessions"));
        Assert.Equal(recorded, await CountAsync("SELECT count(*) FROM assessment_deductions"));
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM workforce_teams"));
    }
}
