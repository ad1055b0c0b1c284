using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Outbound.Data.Desk;
using Outbound.Dialer.Agents;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>One agent on the wallboard; time in state is counted by the page from <see cref="Since"/>.</summary>
/// <param name="CampaignId">The first campaign the agent logged in to.</param>
/// <param name="Campaigns">Every campaign the agent is logged in to (several for a blended agent).</param>
/// <param name="InboundCampaigns">Those of them that are inbound queues.</param>
public sealed record BoardRow(string AgentId, string Name, string State, string? Reason, DateTimeOffset Since, Guid? CampaignId, bool Inbound = false,
    IReadOnlyList<Guid>? Campaigns = null, IReadOnlyCollection<Guid>? InboundCampaigns = null)
{

    public IEnumerable<Guid> InboundIds => InboundCampaigns ?? (Inbound && CampaignId is { } id ? [id] : []);

    public IEnumerable<Guid> OutboundIds => AllIds.Where(c => !InboundIds.Contains(c));

    public IReadOnlyList<Guid> AllIds => Campaigns ?? (CampaignId is { } id ? [id] : []);
}

/// <summary>The desk agents' latest states; every change is pushed to the wallboards at once.</summary>
public sealed class WallboardBoard(IHubContext<WallboardHub> hub, DeskQueries queries, ILogger<WallboardBoard> logger)
{
    public const string AgentMethod = "agent";

    private readonly ConcurrentDictionary<string, BoardRow> _rows = new();
    private readonly ConcurrentDictionary<string, string> _names = new();

    public IReadOnlyList<BoardRow> Rows => _rows.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    public BoardRow? RowOf(string agentId) => _rows.GetValueOrDefault(agentId);

    /// <summary>The agent's display name once it has been on the board (else its id).</summary>
    public string NameOf(string agentId) => _names.GetValueOrDefault(agentId, agentId);

    public async Task UpdateAsync(string agentId, AgentState state, string? reason, DateTimeOffset since, Guid? campaign, bool inbound = false,
        IReadOnlyList<Guid>? campaigns = null, IReadOnlyCollection<Guid>? inboundCampaigns = null)
    {
        if (!_names.TryGetValue(agentId, out var name))
        {
            try { name = (await queries.DisplayNamesAsync([agentId])).GetValueOrDefault(agentId) ?? agentId; }
            catch (Exception e) { logger.LogWarning(e, "Name of {Agent} not found", agentId); name = agentId; }
            _names[agentId] = name;
        }
        var previous = _rows.GetValueOrDefault(agentId);
        var row = campaign is null && previous is not null // logged out: the row keeps showing where the agent was
            ? previous with { State = state.Code(), Reason = reason, Since = since }
            : new BoardRow(agentId, name, state.Code(), reason, since, campaign, inbound, campaigns, inboundCampaigns);
        _rows[agentId] = row;
        try { await hub.Clients.Groups(WallboardScope.GroupsFor(row.AllIds)).SendAsync(AgentMethod, row); }
        catch (Exception e) { logger.LogWarning(e, "Wallboard push failed"); }
    }
}
