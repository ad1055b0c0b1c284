using Akka.Actor;
using Outbound.Dialer.Agents;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// 内部呼叫 from the desk: ring a colleague logged in to one of the agent's campaigns (the same list transfers offer),
/// answer or decline a colleague's call, hang up. The call is between the two agents' phones, outside any campaign.
/// </summary>
public sealed partial class AgentDeskHub
{
    public async Task<string?> CallColleague(string agentId)
    {
        if (await sessions.FindAsync(AgentId) is not { Context.Campaigns.Count: > 0 } desk) return InternalCallTexts.LogInFirst;
        if (string.IsNullOrWhiteSpace(agentId)) return InternalCallTexts.ChooseColleague;
        var (target, error) = await TargetAsync(agentId, number: null);
        if (target is not Outbound.Dialer.Calls.TransferTarget.Agent colleague) return error ?? CallControlTexts.BadTarget;
        var reply = await desk.Session.Ask<InternalCallReply>(new InternalCallCommands.Call(colleague.AgentId, colleague.Session), TimeSpan.FromSeconds(10));
        return InternalCallTexts.Error(reply.Error);
    }

    public Task<string?> AnswerColleague() => CommandAsync(new InternalCallCommands.Answer());

    public Task<string?> DeclineColleague() => CommandAsync(new InternalCallCommands.Decline());

    public Task<string?> HangUpColleague() => CommandAsync(new InternalCallCommands.HangUp());
}
