using System.Security.Claims;
using Akka.Actor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Desk;
using Outbound.Dialer.Inbound;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Desk.Pages;

/// <summary>
/// 呼入队列设置: an inbound campaign's queue policy (strategy, tiers, timings, overflow, announcements) and its agents'
/// skills, validated by <see cref="QueueSettingsRules"/>, stored, and applied at once to the queue if it is running.
/// </summary>
[Authorize(Policy = Policies.CampaignsWrite)]
public sealed class QueueModel(CampaignRepository campaigns, CampaignAgentRepository staff, InboundQueueSettings settings, TenantScope scope,
    TimeProvider clock, AcdQueues queues) : PageModel
{
    /// <summary>The form: whole seconds, the overflow queue by campaign id.</summary>
    public sealed class QueueForm
    {
        public RoutingStrategy Strategy { get; set; }
        public int TierEscalationSeconds { get; set; }
        public double PriorityPerMinute { get; set; }
        public int WrapUpSeconds { get; set; }
        public int OfferTimeoutSeconds { get; set; }
        public int NoAnswerDelaySeconds { get; set; }
        public int RejectDelaySeconds { get; set; }
        public int MaxNoAnswer { get; set; }
        public int MaxWaitSeconds { get; set; }
        public OverflowAction Overflow { get; set; }
        public Guid? OverflowCampaign { get; set; }
        public string MusicOnHoldPrompt { get; set; } = "";
        public int AnnounceEverySeconds { get; set; }
        public bool AnnouncePosition { get; set; }
        public bool AnnounceExpectedWait { get; set; }
        public int ServiceLevelSeconds { get; set; }

        public static QueueForm From(QueuePolicy p, CampaignId? overflow) => new()
        {
            Strategy = p.Strategy, TierEscalationSeconds = S(p.TierEscalationStep), PriorityPerMinute = p.PriorityPerMinute,
            WrapUpSeconds = S(p.WrapUp), OfferTimeoutSeconds = S(p.OfferTimeout), NoAnswerDelaySeconds = S(p.NoAnswerDelay),
            RejectDelaySeconds = S(p.RejectDelay), MaxNoAnswer = p.MaxNoAnswer, MaxWaitSeconds = S(p.MaxWait), Overflow = p.Overflow,
            OverflowCampaign = overflow?.Value, MusicOnHoldPrompt = p.MusicOnHoldPrompt, AnnounceEverySeconds = S(p.AnnounceEvery),
            AnnouncePosition = p.AnnouncePosition, AnnounceExpectedWait = p.AnnounceExpectedWait, ServiceLevelSeconds = S(p.ServiceLevelTarget),
        };

        public QueuePolicy ToPolicy(string? overflowCode) => new()
        {
            Strategy = Strategy, TierEscalationStep = T(TierEscalationSeconds), PriorityPerMinute = PriorityPerMinute, WrapUp = T(WrapUpSeconds),
            OfferTimeout = T(OfferTimeoutSeconds), NoAnswerDelay = T(NoAnswerDelaySeconds), RejectDelay = T(RejectDelaySeconds),
            MaxNoAnswer = MaxNoAnswer, MaxWait = T(MaxWaitSeconds), Overflow = Overflow, OverflowQueue = overflowCode,
            MusicOnHoldPrompt = MusicOnHoldPrompt.Trim(), AnnounceEvery = T(AnnounceEverySeconds), AnnouncePosition = AnnouncePosition,
            AnnounceExpectedWait = AnnounceExpectedWait, ServiceLevelTarget = T(ServiceLevelSeconds),
        };

        private static int S(TimeSpan t) => (int)Math.Round(t.TotalSeconds);
        private static TimeSpan T(int seconds) => TimeSpan.FromSeconds(seconds);
    }

    public StoredCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<CampaignStaffMember> Agents { get; private set; } = [];
    public IReadOnlyList<StoredCampaign> OverflowChoices { get; private set; } = [];
    [BindProperty] public QueueForm Form { get; set; } = new();
    /// <summary>Agent (user id) → its skills as text (<c>general:1 billing:2</c>).</summary>
    [BindProperty] public Dictionary<string, string?> Skills { get; set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } error) return error;
        var stored = await settings.FindAsync(Campaign.Id, ct);
        Form = QueueForm.From(stored?.Policy ?? new QueuePolicy { WrapUp = TimeSpan.FromSeconds(Campaign.Definition.Settings.WrapUpSeconds) },
            stored?.OverflowCampaign);
        Skills = Agents.ToDictionary(a => a.UserId.ToString(), a => (string?)(stored?.AgentSkills.GetValueOrDefault(a.UserId.ToString()) is { } s
            ? QueueSettingsRules.FormatSkills(s) : ""));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } error) return error;
        var problems = ModelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
        var skills = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        foreach (var agent in Agents)
        {
            var (parsed, bad) = QueueSettingsRules.ParseSkills(Skills.GetValueOrDefault(agent.UserId.ToString()));
            if (bad is not null) problems.Add(QueueTexts.BadSkillLevel.Format(agent.DisplayName, bad));
            else if (parsed!.Count > 0) skills[agent.UserId.ToString()] = parsed;
        }
        // Only another inbound campaign of the same client can take the overflow.
        var overflow = Form.Overflow == OverflowAction.OverflowQueue ? Form.OverflowCampaign : null;
        var target = overflow is { } o ? OverflowChoices.FirstOrDefault(c => c.Id.Value == o) : null;
        var policy = Form.ToPolicy(target?.Definition.Code);
        var names = Agents.ToDictionary(a => a.UserId.ToString(), a => a.DisplayName);
        problems.AddRange(QueueSettingsRules.Validate(policy, overflow is null ? null : target?.Id.Value ?? (overflow == id ? id : null), id, skills)
            .Select(p => QueueTexts.Describe(p, agent => names.GetValueOrDefault(agent, agent))));
        Problems = problems.Distinct().ToList();
        if (Problems.Count > 0) return Page();
        await settings.SaveAsync(Campaign.TenantId, Campaign.Id, policy, target?.Id, skills, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?",
            clock.GetUtcNow(), ct);
        queues.Directory.Tell(new AcdCommands.ReloadSettings(Campaign.Id));
        Saved = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        if (campaign.Definition.Kind != CampaignKind.Inbound) return BadRequest(QueueTexts.NotInbound.ToString());
        Campaign = campaign;
        Agents = (await staff.StaffAsync(campaign.Id, ct)).Where(s => s.Assigned && s.Role == Core.Identity.Roles.Agent).ToList();
        OverflowChoices = (await campaigns.ListAsync(scope, ct))
            .Where(c => c.TenantId == campaign.TenantId && c.Id != campaign.Id && c.Definition.Kind == CampaignKind.Inbound).ToList();
        return null;
    }
}
