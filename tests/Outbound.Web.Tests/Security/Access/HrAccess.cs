using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Web.Tests.Security.Access;

/// <summary>Hr's assessment and workforce pages: Hr only.</summary>
internal sealed class HrAccess : IAccessDeclarations
{
    /// <summary>A month settled before the sweep, so that its payroll CSV exists.</summary>
    private static readonly CalendarMonth Settled = new(2025, 1);

    public async Task PrepareAsync(AccessWorld world)
    {
        var hr = await world.UserIdAsync(Caller.Hr);
        await world.Services.GetRequiredService<Settlements>()
            .SettleAsync(Settled, new AssessmentActor(new AgentId(hr), AssessmentRole.Hr), DateTimeOffset.UtcNow);
    }

    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Hr/Index", "/Hr", Who.Hr)
            .Get("Csv", $"month={Settled}")
            .Get("Statement", $"agent={world.Agent}&month={world.Month}")
            .Post("Settle");
        map.Page("/Hr/Appeals", "/Hr/Appeals", Who.Hr).Post("Uphold").Post("Void");
        map.Page("/Hr/Attendance", "/Hr/Attendance", Who.Hr);
        map.Page("/Hr/Deductions", "/Hr/Deductions", Who.Hr).Post("Record").Post("Confirm").Post("Void").Post("Detect");
        map.Page("/Hr/Handovers", "/Hr/Handovers", Who.Hr);
        map.Page("/Hr/Roster", "/Hr/Roster", Who.Hr).Post("Generate").Post("Day");
        map.Page("/Hr/Rules", "/Hr/Rules", Who.Hr).Post("Save");
        map.Page("/Hr/Shifts", "/Hr/Shifts", Who.Hr).Post("Template").Post("Remove").Post("Rotation");
        map.Page("/Hr/Staff", "/Hr/Staff", Who.Hr).Post("Team").Post("Staff");
    }
}
