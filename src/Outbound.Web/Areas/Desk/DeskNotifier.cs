using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Desk;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Web.Areas.Wallboard;

namespace Outbound.Web.Areas.Desk;

/// <summary>Pushes agent session events to the agent's browser (screen pop, state) and to the wallboard.</summary>
public sealed class DeskNotifier(IHubContext<AgentDeskHub> desk, CampaignRepository campaigns, DeskQueries queries, WallboardBoard board,
    ILogger<DeskNotifier> logger)
{
    public const string StateMethod = "state";
    public const string PopMethod = "pop";
    public const string EndedMethod = "ended";
    public const string CallStatusMethod = "callStatus";
    public const string InternalCallMethod = "internalCall";

    public async Task StateChangedAsync(DeskContext context, AgentEvents.StateChanged changed)
    {
        if (changed.State == AgentState.LoggedOut) context.LoggedOut();
        await board.UpdateAsync(context.AgentId, changed.State, changed.Reason, changed.At, context.Campaign, context.Inbound,
            context.Campaigns, context.InboundCampaigns);
        await Send(context.AgentId, StateMethod, new AgentStateView(changed.AgentId, changed.State.Code(), changed.Reason, changed.At));
    }

    public async Task PopAsync(DeskContext context, string kind, LeasedLead lead, int countdown)
    {
        try
        {
            var pop = await BuildAsync(kind, lead, countdown);
            context.Pop = pop;
            context.AwaitingDisposition = false;
            await Send(context.AgentId, PopMethod, pop);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Screen pop of lead {Lead} for {Agent} failed", lead.Id, context.AgentId);
        }
    }

    public Task CallEndedAsync(DeskContext context) =>
        Send(context.AgentId, EndedMethod, new { wrapUpSeconds = context.Pop?.WrapUpSeconds ?? 0 });

    /// <summary>Hold, consult and conference of the call on screen (the page words the notice code).</summary>
    public Task CallStatusAsync(DeskContext context, Outbound.Dialer.Calls.CallControlStatus status) =>
        Send(context.AgentId, CallStatusMethod, status);

    /// <summary>An internal call rang, was answered or ended (the page words the phase and outcome).</summary>
    public Task InternalCallAsync(InternalCallChanged changed) =>
        Send(changed.AgentId, InternalCallMethod, new InternalCallView(changed.PeerAgentId, board.NameOf(changed.PeerAgentId),
            changed.Phase.ToString().ToLowerInvariant(), changed.Outcome));

    private async Task<ScreenPop> BuildAsync(string kind, LeasedLead lead, int countdown)
    {
        var campaign = await campaigns.FindAsync(lead.CampaignId, TenantScope.AllTenants)
            ?? throw new InvalidOperationException($"campaign {lead.CampaignId} not found");
        var settings = campaign.Definition.Settings;
        var values = ParseFields(lead.FieldsJson);
        var fields = settings.CustomFields.Select(f => new FieldView(f.Key, f.Label, values.GetValueOrDefault(f.Key) ?? ""))
            .Concat(values.Where(v => settings.CustomFields.All(f => f.Key != v.Key)).Select(v => new FieldView(v.Key, v.Key, v.Value)))
            .ToList();
        var history = await queries.HistoryAsync(lead.TenantId.Value, lead.PhoneE164);
        return new ScreenPop(kind, lead.Id.Value, campaign.Id.Value, campaign.Definition.Name, campaign.Definition.Kind.ToString(),
            lead.PhoneE164, lead.Name, fields, history,
            Dispositions(campaign.Definition.Kind, settings),
            settings.Questionnaire, settings.Script, settings.WrapUpSeconds, countdown, campaign.TenantId.Value);
    }

    /// <summary>The campaign's results, and on outbound calls the answering machine an agent may be put through to.</summary>
    private static List<DispositionView> Dispositions(CampaignKind kind, CampaignSettings settings)
    {
        var views = settings.Dispositions.Select(d => new DispositionView(d.Code, d.Label, d.IsPromiseToPay)).ToList();
        if (kind != CampaignKind.Inbound)
            views.Add(new DispositionView(Disposition.AnsweringMachineCode, DeskTexts.AnsweringMachine, false));
        return views;
    }

    private static Dictionary<string, string> ParseFields(string json)
    {
        var result = new Dictionary<string, string>();
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in doc.RootElement.EnumerateObject())
                result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
        }
        catch (JsonException) { }
        return result;
    }

    private async Task Send(string agentId, string method, object payload)
    {
        try { await desk.Clients.User(agentId).SendAsync(method, payload); }
        catch (Exception e) { logger.LogWarning(e, "Desk push {Method} to {Agent} failed", method, agentId); }
    }
}
