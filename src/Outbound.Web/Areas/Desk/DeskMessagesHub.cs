using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Outbound.Core.Identity;
using Outbound.Data.Desk;
using Outbound.Web.Areas.Wallboard;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// Messages between desk agents and supervisors (both pages connect): a supervisor writes to one agent or to everyone
/// logged in to a campaign it is assigned to; an agent writes to the supervisors of the campaigns it is logged in to.
/// Every message is stored in its campaign's tenant and pushed as <see cref="MessageMethod"/>. Replies are an error
/// text, or null when the message went out.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class DeskMessagesHub(DeskMessages messages, DeskQueries queries, DeskSessions sessions, WallboardBoard board, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/desk-messages";
    public const string MessageMethod = "message";
    public const int MaxLength = 1000;

    private string Me => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private bool IsSupervisor => Context.User!.IsInRole(Roles.Supervisor);

    public Task<IReadOnlyList<DeskMessage>> Recent() => messages.RecentForAsync(Guid.Parse(Me), ct: Context.ConnectionAborted);

    /// <summary>Supervisor → one agent, who must be logged in to a campaign the supervisor is assigned to.</summary>
    public async Task<string?> ToAgent(string agentId, string text)
    {
        if (Body(text) is not { } body) return MessageTexts.Empty;
        if (!IsSupervisor) return MessageTexts.NotAllowed;
        var mine = await MyCampaignsAsync();
        var shared = (await sessions.FindAsync(agentId))?.Context.Campaigns.FirstOrDefault(mine.Contains);
        if (shared is not { } campaign || campaign == Guid.Empty) return MessageTexts.NotYourAgent;
        var message = await messages.SaveAsync(campaign, Me, agentId, false, body, clock.GetUtcNow(), Context.ConnectionAborted);
        await Clients.Users(agentId, Me).SendAsync(MessageMethod, message, Context.ConnectionAborted);
        return null;
    }

    /// <summary>Supervisor → everyone logged in to one of its campaigns.</summary>
    public async Task<string?> ToCampaign(Guid campaignId, string text)
    {
        if (Body(text) is not { } body) return MessageTexts.Empty;
        if (!IsSupervisor || !(await MyCampaignsAsync()).Contains(campaignId)) return MessageTexts.NotAllowed;
        var message = await messages.SaveAsync(campaignId, Me, null, false, body, clock.GetUtcNow(), Context.ConnectionAborted);
        var agents = board.Rows.Where(r => r.State != "logged_out" && (r.Campaigns ?? []).Contains(campaignId)).Select(r => r.AgentId);
        await Clients.Users([.. agents, Me]).SendAsync(MessageMethod, message, Context.ConnectionAborted);
        return null;
    }

    /// <summary>Agent → the supervisors assigned to the campaigns it is logged in to.</summary>
    public async Task<string?> ToSupervisors(string text)
    {
        if (Body(text) is not { } body) return MessageTexts.Empty;
        if (await sessions.FindAsync(Me) is not { } desk || desk.Context.Campaigns is not [var first, ..] loggedIn) return MessageTexts.NotLoggedIn;
        var supervisors = await messages.SupervisorsOfAsync(loggedIn, Context.ConnectionAborted);
        if (supervisors.Count == 0) return MessageTexts.NoSupervisor;
        var message = await messages.SaveAsync(first, Me, null, true, body, clock.GetUtcNow(), Context.ConnectionAborted);
        await Clients.Users([.. supervisors, Me]).SendAsync(MessageMethod, message, Context.ConnectionAborted);
        return null;
    }

    private async Task<HashSet<Guid>> MyCampaignsAsync() =>
        (await queries.AssignedCampaignsAsync(Guid.Parse(Me), Context.ConnectionAborted)).Select(c => c.Id).ToHashSet();

    private static string? Body(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, MaxLength)];
}
