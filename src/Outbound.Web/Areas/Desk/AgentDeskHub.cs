using System.Security.Claims;
using Akka.Actor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Desk;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Desk;
using Outbound.Core.Lists;
using Akka.Hosting;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The agent desk's commands. The signed-in user is the agent (its user id is the agent id); it drives its
/// own <see cref="AgentSessionActor"/> and can log in only to campaigns it is assigned to. Every command is asked of the
/// session, whose desk machine takes it or says why not: replies are that reason worded for the agent, or null when taken.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed partial class AgentDeskHub(DeskSessions sessions, DeskQueries queries, DeskCallForms forms,
    TimeProvider clock, IRequiredActor<CampaignRegion> region) : Hub
{
    public const string Path = "/hubs/agent-desk";

    private string AgentId => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private Guid UserId => Guid.Parse(AgentId);

    public Task<string?> Login(Guid campaignId) => LoginTo([campaignId]);

    /// <summary>
    /// Logs in to several campaigns at once, all of them among the agent's assignments. Inbound and outbound together make a
    /// blended agent: inbound callers come first, outbound pacing counts the agent only when inbound load allows.
    /// </summary>
    public async Task<string?> LoginTo(Guid[] campaignIds)
    {
        var assigned = await queries.AssignedCampaignsAsync(UserId, Context.ConnectionAborted);
        var chosen = campaignIds.Distinct().Select(id => assigned.FirstOrDefault(c => c.Id == id)).ToList();
        if (chosen.Count == 0) return DeskTexts.ChooseCampaign;
        if (chosen.Any(c => c is null)) return DeskTexts.NotAssigned;
        var ids = chosen.Select(c => c!.Id).ToList();
        var inbound = chosen.Where(c => c!.Kind == nameof(CampaignKind.Inbound)).Select(c => c!.Id).ToHashSet();
        var desk = await sessions.ForLoginAsync(AgentId);
        desk.Context.LoggedIn(ids, inbound);
        var login = new AgentCommands.Login(new(ids[0]))
        {
            Others = ids.Skip(1).Select(id => new CampaignId(id)).ToList(),
            Inbound = inbound.Select(id => new CampaignId(id)).ToHashSet(),
        };
        if (await AskLoginAsync(desk, login) is AgentStateReply) return null;
        // Already logged in: the desk keeps showing the campaigns of the running session.
        if (await desk.Session.Ask<AgentStateReply>(new AgentCommands.GetState(), TimeSpan.FromSeconds(5)) is { } state)
            desk.Context.LoggedIn(state.Campaigns.Select(c => c.Value).ToList(),
                state.Campaigns.Where(c => assigned.Any(a => a.Id == c.Value && a.Kind == nameof(CampaignKind.Inbound))).Select(c => c.Value).ToHashSet());
        return DeskTexts.AlreadyLoggedIn;
    }

    /// <summary>The session's answer to a login; null when it refuses one because the agent is already logged in.</summary>
    private static async Task<object?> AskLoginAsync(DeskSessions.Desk desk, AgentCommands.Login login)
    {
        try
        {
            return await desk.Session.Ask<object>(login, TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public Task<string?> Ready() => CommandAsync(new AgentCommands.Ready());

    public Task<string?> NotReady(string reason) => CommandAsync(new AgentCommands.NotReady(string.IsNullOrWhiteSpace(reason) ? "break" : reason));

    public Task<string?> Logout() => CommandAsync(new AgentCommands.Logout());

    public Task<string?> DialPreview() => CommandAsync(new AgentCommands.DialPreview());

    public Task<string?> SkipPreview() => CommandAsync(new AgentCommands.SkipPreview());

    /// <summary>挂机: ends the call on the desk, or cancels it while it still rings.</summary>
    public Task<string?> HangUp() => CommandAsync(new AgentCommands.HangUp());

    /// <summary>
    /// Saves the result of the call on screen, during the call or in its after-call work (saving again corrects it): the
    /// form goes to <c>desk_call_forms</c> (one row per call), the disposition and callback to the session, which gives the
    /// last one saved to the call's record and the lead's next step. The disposition is required.
    /// </summary>
    public async Task<string?> SaveResult(DispositionInput input)
    {
        if (await sessions.FindAsync(AgentId) is not { } desk || desk.Context.FormToSave() is not var (pop, formId)) return DeskTexts.NothingToDispose;
        if (string.IsNullOrWhiteSpace(input.Disposition)) return DeskTexts.DispositionRequired;
        if (pop.Dispositions.Count > 0 && pop.Dispositions.All(d => d.Code != input.Disposition)) return DeskTexts.UnknownDisposition;
        var now = clock.GetUtcNow();
        if (DeskPromise.Problem(input.PromiseAmount, input.PromiseDate, now) is { } promiseProblem) return promiseProblem;
        var callback = input.CallbackAt is { } at ? new CallbackRequest(Instant.FromDateTimeOffset(at), input.CallbackMine) : null;
        if (await AskAsync(desk, new AgentCommands.SaveResult(input.Disposition, callback)) is { } refused) return refused;
        await forms.SaveAsync(formId, new DeskCallForm(pop.TenantId, pop.CampaignId, pop.LeadId > 0 ? pop.LeadId : null, AgentId,
            input.Disposition, input.RightParty, input.AmountDue, input.PromiseAmount, input.PromiseDate, Blank(input.PaymentPlan),
            Blank(input.RefusalReason), Survey(pop.Questionnaire, input.SurveyAnswers),
            input.CallbackAt, input.CallbackAt is null ? null : input.CallbackMine, Blank(input.Note), now), Context.ConnectionAborted);
        desk.Context.Saved(formId, input);
        return null;
    }

    /// <summary>
    /// 手工外呼: the number is normalised as list import does, then the campaign checks it with the same compliance as
    /// every dial (DNC, calling window, regulator rules) and dials it for this agent; a refusal comes back with its reason.
    /// </summary>
    public async Task<string?> ManualDial(Guid campaignId, string number)
    {
        if (await sessions.FindAsync(AgentId) is not { } desk || !desk.Context.Campaigns.Contains(campaignId) || desk.Context.InboundCampaigns.Contains(campaignId))
            return ManualDialTexts.NotOutbound;
        var parsed = new PhoneNormalizer().Normalize(number);
        if (parsed.Phone is not { } phone) return ManualDialTexts.InvalidNumber.Format(parsed.Detail ?? number);
        var campaignsRegion = await region.GetAsync(Context.ConnectionAborted);
        var reply = await campaignsRegion.Ask<CampaignReplies.ManualDialReply>(new CampaignCommands.ManualDial(new(campaignId), AgentId, phone),
            TimeSpan.FromSeconds(10), Context.ConnectionAborted);
        return reply.Refusal is { } code ? ManualDialTexts.Refused.Format(ManualDialTexts.Reason(code).ToString()) : null;
    }

    public Task<IReadOnlyList<DeskLead>> Search(string term) => queries.SearchAsync(UserId, term, ct: Context.ConnectionAborted);

    /// <summary>The desk after a page reload: its state and buttons, the campaigns, the lead on screen and the result saved for its call.</summary>
    public async Task<object> Current([Microsoft.AspNetCore.Mvc.FromServices] DeskNotifier notifier)
    {
        if (await sessions.FindAsync(AgentId) is not { } desk)
            return new { desk = notifier.View(AgentId, DeskMachine.SignedOut, null, clock.GetUtcNow()) };
        var state = await desk.Session.Ask<AgentStateReply>(new AgentCommands.GetState(), TimeSpan.FromSeconds(5));
        return new
        {
            desk = notifier.View(AgentId, state.Desk, state.WrapUpEndsAt, clock.GetUtcNow()),
            campaignId = state.CampaignId?.Value,
            campaignIds = state.Campaigns.Select(c => c.Value).ToList(),
            pop = state.Desk.Call is null ? null : desk.Context.Pop,
            savedForm = state.Desk.Call is null ? null : desk.Context.SavedForm,
        };
    }

    private async Task<string?> CommandAsync(object command) =>
        await sessions.FindAsync(AgentId) is { } desk ? await AskAsync(desk, command) : DeskTexts.Refusal(DeskRefusal.NotSignedIn);

    /// <summary>The session's answer to a command, worded; null when it was taken.</summary>
    private async Task<string?> AskAsync(DeskSessions.Desk desk, object command)
    {
        var reply = await desk.Session.Ask<AgentCommandReply>(command, TimeSpan.FromSeconds(10), Context.ConnectionAborted);
        return reply.Refusal is { } refusal ? DeskTexts.Refusal(refusal).ToString() : null;
    }

    /// <summary>The answers on the path the skip logic gives, whatever the browser sent for questions it hid.</summary>
    private static DeskSurvey? Survey(Questionnaire? questionnaire, Dictionary<string, string[]>? sent)
    {
        if (questionnaire is null || sent is not { Count: > 0 }) return null;
        var answers = sent.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value);
        var kept = SurveyPath.Kept(questionnaire, answers);
        return kept.Count == 0 ? null : new DeskSurvey(kept, SurveyPath.IsComplete(questionnaire, kept));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
