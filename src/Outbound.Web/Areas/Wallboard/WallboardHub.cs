using System.Security.Claims;
using Akka.Actor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Outbound.Data.Desk;
using Outbound.Data.Identity;
using Outbound.Dialer.Agents;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>
/// The supervisor wallboard: agents' states as they change, campaign figures, and interventions on an agent
/// (force not-ready 强制离席, force ready 强制就绪, force logout 强制签出), each logged with who and when. A supervisor
/// sees and acts on only the campaigns it oversees (<see cref="WallboardScope"/>).
/// </summary>
[Authorize(Policy = Policies.Wallboard)]
public sealed partial class WallboardHub(WallboardBoard board, DeskSessions sessions, SupervisorActionLog actions, TimeProvider clock,
    WallboardScope scope) : Hub
{
    public const string Path = "/hubs/wallboard";
    public const string Group = "wallboard";
    public const string ForcedReason = "supervisor";
    public const string InterventionMethod = "intervention";

    public static readonly IReadOnlyList<string> Actions = ["force_not_ready", "force_ready", "force_logout"];

    public async Task<IReadOnlyList<BoardRow>> Watch()
    {
        var campaigns = await scope.CampaignsAsync(Context.User!, Context.ConnectionAborted);
        foreach (var group in campaigns is null ? [Group] : campaigns.Select(WallboardScope.GroupOf))
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return board.Rows.Where(r => WallboardScope.Covers(campaigns, r)).ToList();
    }

    public async Task<bool> Force(string agentId, string action, string? reason)
    {
        if (!Actions.Contains(action) || await OverseenDeskAsync(agentId) is not { } desk) return false;
        await LogAsync(agentId, action, reason);
        desk.Session.Tell(action switch
        {
            "force_not_ready" => new AgentCommands.NotReady(string.IsNullOrWhiteSpace(reason) ? ForcedReason : reason),
            "force_ready" => new AgentCommands.Ready { Forced = true },
            _ => new AgentCommands.Logout("forced_by_supervisor") { Forced = true },
        });
        return true;
    }

    /// <summary>
    /// Logs an intervention (who, on whom, what, when) and shows it at once in the log of every wallboard that sees the agent.
    /// Returns the supervisor's user id.
    /// </summary>
    private async Task<string> LogAsync(string agentId, string action, string? reason)
    {
        var supervisor = Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var at = clock.GetUtcNow();
        await actions.RecordAsync(supervisor, agentId, action, reason, at, Context.ConnectionAborted);
        var entry = new InterventionView(at, Context.User!.FindFirstValue(OutboundClaims.DisplayName) ?? supervisor, board.NameOf(agentId),
            action, reason);
        var groups = board.RowOf(agentId) is { } row ? WallboardScope.GroupsFor(row.AllIds) : [Group];
        await Clients.Groups(groups).SendAsync(InterventionMethod, entry, Context.ConnectionAborted);
        return supervisor;
    }

    /// <summary>The agent's desk session when this user oversees one of the agent's campaigns, else null.</summary>
    private async Task<DeskSessions.Desk?> OverseenDeskAsync(string agentId)
    {
        if (await sessions.FindAsync(agentId) is not { } desk) return null;
        var row = board.RowOf(agentId);
        var campaigns = await scope.CampaignsAsync(Context.User!, Context.ConnectionAborted);
        return campaigns is null || (row is not null && WallboardScope.Covers(campaigns, row)) ? desk : null;
    }
}

/// <summary>One line of the wallboard's intervention log as pushed to the page (it names the action and reason in the viewer's language).</summary>
public sealed record InterventionView(DateTimeOffset At, string Supervisor, string Agent, string Action, string? Reason);
