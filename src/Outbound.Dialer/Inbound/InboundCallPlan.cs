using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>One inbound caller in one queue; <see cref="CallId"/> is its <c>inbound_calls</c> row.</summary>
internal sealed record InboundCallPlan(
    TenantId TenantId,
    CampaignId CampaignId,
    CallLegId Leg,
    string CallerNumber,
    DateTimeOffset ArrivedAt,
    int Priority,
    string? Skill,
    QueuePolicy Policy)
{
    public Guid CallId { get; init; } = Guid.CreateVersion7();
}
