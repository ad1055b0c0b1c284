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

/// <summary>Pushes agent session events to the agent's browser (the desk, the screen pop) and to the wallboard.</summary>
public sealed class DeskNotifier(IHubContext<AgentDeskHub> desk, CampaignRepository campaigns, DeskQueries queries, WallboardBoard board,
    ILogger<DeskNotifier> logger)
{
    /// <summary>The desk changed: a <see cref="DeskView"/>.</summary>
    public const string StateMethod = "state";
    public const string PopMethod = "pop";
    public const string CallStatusMethod = "callStatus";
    public const string InternalCallMethod = "internalCall";

    /// <summary>The coarse state changed: the wallboard shows it.</summary>
    public async Task StateChangedAsync(DeskContext context, AgentEvents.StateChanged changed)
    {
        if (changed.State == AgentState.LoggedOut) context.LoggedOut();
        await board.UpdateAsync(context.AgentId, changed.State, changed.Reason, changed.At, context.Campaign, context.Inbound,
            context.Campaigns, context.InboundCampaigns);
    }

    /// <summary>The desk changed: the agent's page shows the new state and buttons; a desk without a call drops its lead and form.</summary>
    public Task DeskChangedAsync(DeskContext context, AgentEvents.DeskChanged changed)
    {
        if (changed.Desk.Call is null) context.CallOver();
        return Send(context.AgentId, StateMethod, View(context.AgentId, changed.Desk, changed.WrapUpEndsAt, changed.At));
    }

    public DeskView View(string agentId, Core.Desk.DeskMachine desk, DateTimeOffset? wrapUpEndsAt, DateTimeOffset since) =>
        DeskView.From(agentId, desk, wrapUpEndsAt, since, board.NameOf);

    public async Task PopAsync(DeskContext context, string kind, LeasedLead lead, int countdown)
    {
        try
        {
            var pop = await BuildAsync(kind, lead, countdown);
            context.Popped(pop);
            await Send(context.AgentId, PopMethod, pop);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Screen pop of lead {Lead} for {Agent} failed", lead.Id, context.AgentId);
        }
    }

    /// <summary>Hold, consult and conference of the call on screen (the page words the notice code), a colleague named, not by id.</summary>
    public Task CallStatusAsync(DeskContext context, Outbound.Dialer.Calls.CallControlStatus status) =>
        Send(context.AgentId, CallStatusMethod, status with { ConsultWith = status.ConsultWith is { } with ? board.NameOf(with) : null });

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
            settings.Questionnaire, Script(settings, lead, values), settings.WrapUpSeconds, countdown, campaign.TenantId.Value);
    }

    /// <summary>The campaign's results, and on outbound calls the answering machine an agent may be put through to.</summary>
    private static List<DispositionView> Dispositions(CampaignKind kind, CampaignSettings settings)
    {
        var views = settings.Dispositions.Select(d => new DispositionView(d.Code, d.Label, d.IsPromiseToPay)).ToList();
        if (kind != CampaignKind.Inbound)
            views.Add(new DispositionView(Disposition.AnsweringMachineCode, DeskTexts.AnsweringMachine, false));
        return views;
    }

    /// <summary>The script filled from the lead: its name, number and list fields; a field it lacks is marked with the field's label.</summary>
    private static IReadOnlyList<ScriptPartView> Script(CampaignSettings settings, LeasedLead lead, Dictionary<string, string> values)
    {
        var known = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase)
        {
            [ScriptTemplate.NameField] = lead.Name ?? "",
            [ScriptTemplate.PhoneField] = lead.PhoneE164,
        };
        return ScriptTemplate.Fill(settings.Script, known).Select(p => new ScriptPartView(p.Text, p.Missing,
            p.Missing ? FieldLabel(settings, p.Field!) : null)).ToList();
    }

    private static string FieldLabel(CampaignSettings settings, string field) =>
        settings.CustomFields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase))?.Label
        ?? (string.Equals(field, ScriptTemplate.NameField, StringComparison.OrdinalIgnoreCase) ? DeskTexts.Customer : field);

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
