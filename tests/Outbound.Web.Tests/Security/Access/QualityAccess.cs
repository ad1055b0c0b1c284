using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Quality;
using Outbound.Data;
using Outbound.Data.Quality;

namespace Outbound.Web.Tests.Security.Access;

/// <summary>
/// Quality (质检, issue 19): Qa staff see the recordings, calls, forms and results of the campaigns they are assigned to and
/// nothing else, and only they score; supervisors read their campaigns' results; Hr reads them as evidence; the admin
/// keeps the forms and plans. An agent sees only their own evaluations (/Agent/Quality). A client never reaches a recording.
/// </summary>
internal sealed class QualityAccess : IAccessDeclarations
{
    private Guid _form;
    private Guid _evaluation;
    private Guid _plan;
    private Guid _calibration;

    /// <summary>A bank form, this month's plan, the bank's recorded call scored by the Qa user, and a calibration session it leads.</summary>
    public async Task PrepareAsync(AccessWorld world)
    {
        var services = world.Services;
        var now = DateTimeOffset.UtcNow;
        var qa = new QualityViewer(await world.UserIdAsync(Caller.Qa), QualityRole.Qa, new HashSet<Guid> { world.BankCampaign });
        (_form, _) = await services.GetRequiredService<QualityForms>().SaveAsync(qa, null, world.BankTenantId, world.BankCampaign, StarterForm.Create(), now);
        var today = CenterTime.China.Day(now);
        var outcome = await services.GetRequiredService<SamplingPlans>().CreateAsync(QualityViewer.System, world.BankCampaign,
            PlanPeriod.Month(today.Year, today.Month), new SamplingSettings { PerAgent = 1, MinTalkSeconds = 1, TakeAllWhenShort = true }, 7, now);
        _plan = Assert.IsType<PlanSummary>(outcome.Plan).Id;
        var answers = StarterForm.Create().Items.Select(i => new ItemAnswer(i.Key, i.Kind == ItemKind.Deduction ? 0 : i.MaxValue)).ToList();
        _evaluation = await services.GetRequiredService<Evaluations>().SubmitAsync(qa, world.BankCall, _form, 1, answers, null, now);
        _calibration = await services.GetRequiredService<Calibrations>().CreateAsync(qa, world.BankCampaign, "访问测试校准", [world.BankCall],
            [qa.UserId, await world.UserIdAsync(Caller.Supervisor)], null, 5m, now);
    }

    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Quality/Index", "/Quality", Who.QualityReaders);
        map.Page("/Quality/Charts", "/Quality/Charts", Who.QualityReaders);
        map.Page("/Quality/Forms/Index", "/Quality/Forms", Who.QualityReaders);
        map.Page("/Quality/Forms/Edit", $"/Quality/Forms/Edit?id={_form}", Who.QualityManagers, Scope.Campaign).Post("");
        // Everyone who reads plans reaches the form; the plan service refuses a campaign the caller does not manage.
        map.Page("/Quality/Plans/Index", "/Quality/Plans", Who.QualityReaders).Post("");
        // Only those who manage the plan rerun it; to everyone else who reaches quality pages it is not found.
        map.Page("/Quality/Plans/Details", $"/Quality/Plans/Details?id={_plan}", Who.QualityReaders, Scope.Campaign)
            .Post("Rerun", Who.QualityManagers, except: NotFoundTo(Caller.Supervisor, Caller.OtherSupervisor, Caller.Hr));
        // Only a Qa user of the campaign scores; those who only read its results are refused the scoring screen, and a
        // supervisor of other campaigns does not find the call. (By the posts, the admin's empty staffing form has taken
        // the supervisor off the bank campaign too.)
        map.Page("/Quality/Score", $"/Quality/Score?call={world.BankCall}", Who.QaStaff, Scope.Campaign, Outcome.Ok, (Caller.OtherSupervisor, Outcome.NotFound))
            .Post("", except: NotFoundTo(Caller.Supervisor, Caller.OtherSupervisor));
        map.Page("/Quality/Evaluations/Details", $"/Quality/Evaluations/Details?id={_evaluation}", Who.QualityReaders, Scope.Campaign).Post("Decide");
        // Everyone who reads results sees the sessions list; the calibration service lets only a Qa user of the campaign open one.
        map.Page("/Quality/Calibrations/Index", "/Quality/Calibrations", Who.QualityReaders).Post("");
        // Only the session's lead closes it; to everyone else who reaches quality pages there is no such session to close.
        map.Page("/Quality/Calibrations/Details", $"/Quality/Calibrations/Details?id={_calibration}", Who.QualityReaders, Scope.Campaign)
            .Post("Close", Who.Named(Caller.Qa), except: NotFoundTo([.. Who.QualityReaders.Where(c => c != Caller.Qa)]));

        // The call's own agent hears it once evaluated, and Hr as evidence; a client never, not even of its own campaign.
        map.Endpoint("GET", "/quality/recordings/{callId:guid}", $"/quality/recordings/{world.BankCall}",
            Who.Named(Caller.Qa, Caller.OtherQa, Caller.Supervisor, Caller.OtherSupervisor, Caller.Admin, Caller.Hr, Caller.Agent), Scope.Campaign, Outcome.Ok);

        // An agent's own evaluations; someone else's is not found.
        map.Page("/Agent/Quality/Index", "/Agent/Quality", Who.Staff);
        map.Page("/Agent/Quality/Details", $"/Agent/Quality/Details?id={_evaluation}", Who.Staff, Scope.None, Outcome.Ok,
                (Caller.Supervisor, Outcome.NotFound), (Caller.OtherSupervisor, Outcome.NotFound))
            .Post("Acknowledge", except: NotFoundTo(Caller.Supervisor, Caller.OtherSupervisor))
            .Post("Dispute", except: NotFoundTo(Caller.Supervisor, Caller.OtherSupervisor));
    }

    private static (Caller, Outcome)[] NotFoundTo(params Caller[] callers) => [.. callers.Select(c => (c, Outcome.NotFound))];
}
