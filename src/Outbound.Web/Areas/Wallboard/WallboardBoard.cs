using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Outbound.Data.Desk;
using Outbound.Dialer.Agents;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>One agent on the wallboard; time in state is counted by the page from <see cref="Since"/>.</summary>
public sealed record BoardRow(string AgentId, string Name, string State, string? Reason, DateTimeOffset Since, Guid? CampaignId, bool Inbound = false);

/// <summary>The desk agents' latest states; every change is pushed to the wallboards at once.</summary>
public sealed class WallboardBoard(IHubContext<WallboardHub> hub, DeskQueries queries, ILogger<WallboardBoard> logger)
{
    public const string AgentMethod = "agent";

    private readonly ConcurrentDictionary<string, BoardRow> _rows = new();
    private readonly ConcurrentDictionary<string, string> _names = new();

    public IReadOnlyList<BoardRow> Rows => _rows.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    public async Task UpdateAsync(string agentId, AgentState state, string? reason, DateTimeOffset since, Guid? campaign, bool inbound = false)
    {
        if (!_names.TryGetValue(agentId, out var name))
        {
            try { name = (await queries.DisplayNamesAsync([agentId])).GetValueOrDefault(agentId) ?? agentId; }
            catch (Exception e) { logger.LogWarning(e, "Name of {Agent} not found", agentId); name = agentId; }
            _names[agentId] = name;
        }
        var row = new BoardRow(agentId, name, state.Code(), reason, since, campaign ?? _rows.GetValueOrDefault(agentId)?.CampaignId, inbound);
        _rows[agentId] = row;
        try { await hub.Clients.Group(WallboardHub.Group).SendAsync(AgentMethod, row); }
        catch (Exception e) { logger.LogWarning(e, "Wallboard push failed"); }
    }
}
