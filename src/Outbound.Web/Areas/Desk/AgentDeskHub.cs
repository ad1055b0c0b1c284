using System.Security.Claims;
using Akka.Actor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
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
/// own <see cref="AgentSessionActor"/> and can log in only to campaigns it is assigned to. Replies are
/// an error text, or null when the command was taken.
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

    public Task<string?> Ready() => Tell(desk =>
        desk.Context.AwaitingDisposition ? DeskTexts.DispositionRequired : Send(desk, new AgentCommands.Ready()));

    public Task<string?> NotReady(string reason) => Tell(desk => Send(desk, new AgentCommands.NotReady(string.IsNullOrWhiteSpace(reason) ? "break" : reason)));

    public Task<string?> Logout() => Tell(desk => Send(desk, new AgentCommands.Logout()));

    public Task<string?> DialPreview() => Tell(desk => Send(desk, new AgentCommands.DialPreview()));

    public Task<string?> SkipPreview() => Tell(desk =>
    {
        desk.Context.Pop = null;
        return Send(desk, new AgentCommands.SkipPreview());
    });

    /// <summary>Saves the form of the call on screen and closes its after-call work; the disposition is required.</summary>
    public async Task<string?> Dispose(DispositionInput input)
    {
        if (await sessions.FindAsync(AgentId) is not { Context.Pop: { } pop } desk) return DeskTexts.NothingToDispose;
        if (string.IsNullOrWhiteSpace(input.Disposition)) return DeskTexts.DispositionRequired;
        if (pop.Dispositions.Count > 0 && pop.Dispositions.All(d => d.Code != input.Disposition)) return DeskTexts.UnknownDisposition;
        var now = clock.GetUtcNow();
        if (DeskPromise.Problem(input.PromiseAmount, input.PromiseDate, now) is { } promiseProblem) return promiseProblem;
        await forms.SaveAsync(new DeskCallForm(pop.TenantId, pop.CampaignId, pop.LeadId > 0 ? pop.LeadId : null, AgentId,
            input.Disposition, input.RightParty, input.AmountDue, input.PromiseAmount, input.PromiseDate, Blank(input.PaymentPlan),
            Blank(input.RefusalReason), Survey(pop.Questionnaire, input.SurveyAnswers),
            input.CallbackAt, input.CallbackAt is null ? null : input.CallbackMine, Blank(input.Note), now), Context.ConnectionAborted);
        var callback = input.CallbackAt is { } at ? new CallbackRequest(Instant.FromDateTimeOffset(at), input.CallbackMine) : null;
        desk.Session.Tell(new AgentCommands.Disposition(input.Disposition, callback));
        desk.Context.AwaitingDisposition = false;
        desk.Context.Pop = null;
        desk.Session.Tell(Blank(input.StayNotReady) is { } reason ? new AgentCommands.NotReady(reason) : new AgentCommands.Ready());
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
        if (desk.Context.AwaitingDisposition) return DeskTexts.DispositionRequired;
        var parsed = new PhoneNormalizer().Normalize(number);
        if (parsed.Phone is not { } phone) return ManualDialTexts.InvalidNumber.Format(parsed.Detail ?? number);
        var campaignsRegion = await region.GetAsync(Context.ConnectionAborted);
        var reply = await campaignsRegion.Ask<CampaignReplies.ManualDialReply>(new CampaignCommands.ManualDial(new(campaignId), AgentId, phone),
            TimeSpan.FromSeconds(10), Context.ConnectionAborted);
        return reply.Refusal is { } code ? ManualDialTexts.Refused.Format(ManualDialTexts.Reason(code).ToString()) : null;
    }

    public Task<IReadOnlyList<DeskLead>> Search(string term) => queries.SearchAsync(UserId, term, ct: Context.ConnectionAborted);

    /// <summary>The desk after a page reload: the session's state and the lead on screen.</summary>
    public async Task<object?> Current()
    {
        if (await sessions.FindAsync(AgentId) is not { } desk) return null;
        var state = await desk.Session.Ask<AgentStateReply>(new AgentCommands.GetState(), TimeSpan.FromSeconds(5));
        return new { state = state.State.Code(), reason = state.Reason, campaignId = state.CampaignId?.Value,
            campaignIds = state.Campaigns.Select(c => c.Value).ToList(), pop = desk.Context.Pop,
            awaitingDisposition = desk.Context.AwaitingDisposition };
    }

    private async Task<string?> Tell(Func<DeskSessions.Desk, string?> action) =>
        await sessions.FindAsync(AgentId) is { } desk ? action(desk) : DeskTexts.NothingToDispose;

    private static string? Send(DeskSessions.Desk desk, object command)
    {
        desk.Session.Tell(command);
        return null;
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
