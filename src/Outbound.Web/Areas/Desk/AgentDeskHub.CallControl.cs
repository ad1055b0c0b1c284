using System.Text.RegularExpressions;
using Akka.Actor;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Calls;
using Outbound.Web.Areas.Wallboard;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The desk's soft-phone functions on the call on screen: hold and retrieve, blind transfer, consult then complete,
/// conference or cancel, on outbound and inbound calls alike. Transfers go to another agent logged in to one of the agent's
/// campaigns (a blended agent's queue or outbound list), or to a number through the trunk.
/// </summary>
public sealed partial class AgentDeskHub
{
    public Task<string?> Hold() => ControlAsync(new CallControl.Hold(AgentId));

    public Task<string?> Retrieve() => ControlAsync(new CallControl.Retrieve(AgentId));

    /// <param name="agentId">A colleague's agent id, or empty to use <paramref name="number"/>.</param>
    public async Task<string?> Transfer(string? agentId, string? number) =>
        await TargetAsync(agentId, number) is var (target, error) && target is not null
            ? await ControlAsync(new CallControl.Transfer(AgentId, target)) : error;

    public async Task<string?> Consult(string? agentId, string? number) =>
        await TargetAsync(agentId, number) is var (target, error) && target is not null
            ? await ControlAsync(new CallControl.Consult(AgentId, target)) : error;

    public Task<string?> CompleteTransfer() => ControlAsync(new CallControl.CompleteTransfer(AgentId));

    public Task<string?> Conference() => ControlAsync(new CallControl.Conference(AgentId));

    public Task<string?> CancelConsult() => ControlAsync(new CallControl.CancelConsult(AgentId));

    /// <summary>Colleagues logged in to one of the agent's campaigns, for the transfer list.</summary>
    public async Task<IReadOnlyList<object>> TransferTargets([Microsoft.AspNetCore.Mvc.FromServices] WallboardBoard board)
    {
        if (await sessions.FindAsync(AgentId) is not { Context.Campaigns: { Count: > 0 } campaigns }) return [];
        return board.Rows.Where(r => (r.Campaigns ?? (r.CampaignId is { } one ? [one] : [])).Any(campaigns.Contains) && r.AgentId != AgentId && r.State != AgentState.LoggedOut.Code())
            .Select(r => (object)new { agentId = r.AgentId, name = r.Name, state = r.State }).ToList();
    }

    private async Task<(TransferTarget? Target, string? Error)> TargetAsync(string? agentId, string? number)
    {
        if (!string.IsNullOrWhiteSpace(agentId))
        {
            if (await sessions.FindAsync(AgentId) is not { Context.Campaigns: { Count: > 0 } campaigns } || agentId == AgentId
                || await sessions.FindAsync(agentId) is not { } colleague)
                return (null, CallControlTexts.BadTarget);
            var state = await colleague.Session.Ask<AgentStateReply>(new AgentCommands.GetState(), TimeSpan.FromSeconds(5));
            var theirs = state.Campaigns.Count > 0 ? state.Campaigns : state.CampaignId is { } one ? [one] : [];
            return state.State != AgentState.LoggedOut && theirs.Any(c => campaigns.Contains(c.Value))
                ? (new TransferTarget.Agent(agentId, colleague.Session), null)
                : (null, CallControlTexts.BadTarget);
        }
        if (string.IsNullOrWhiteSpace(number)) return (null, CallControlTexts.ChooseTarget);
        var digits = number.Trim();
        return DialableNumber().IsMatch(digits) ? (new TransferTarget.External(digits), null) : (null, CallControlTexts.BadNumber);
    }

    private async Task<string?> ControlAsync(CallControl.ICommand command)
    {
        if (await sessions.FindAsync(AgentId) is not { } desk) return CallControlTexts.NotOnCall;
        var reply = await desk.Session.Ask<CallControlReply>(command, TimeSpan.FromSeconds(10));
        return CallControlTexts.Error(reply.Error);
    }

    [GeneratedRegex(@"^\+?[0-9]{3,20}$")]
    private static partial Regex DialableNumber();
}
