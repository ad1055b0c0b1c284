using NodaTime;
using Outbound.Core.Campaigns;

namespace Outbound.Core.Compliance;

/// <summary>What the dialer knows about a lead when it is about to dial it.</summary>
/// <param name="TimeZoneId">IANA id of the lead's own time zone (<c>leads.time_zone</c>).</param>
/// <param name="Attempts">Attempts already made to this lead in this campaign.</param>
/// <param name="NextCallAt">Earliest time of the next attempt set by the retry scheduler or a callback.</param>
/// <param name="CallbackAgent">The agent who owns a scheduled callback; null when open to any agent.</param>
/// <param name="OffHoursConsent">The debtor agreed to be called outside the regulator's hours.</param>
public sealed record LeadFacts(
    string PhoneE164,
    string TimeZoneId,
    int Attempts,
    Instant? NextCallAt = null,
    string? CallbackAgent = null,
    bool IsDnc = false,
    bool OffHoursConsent = false);

/// <summary>One earlier attempt to the same number (any campaign of the tenant).</summary>
public sealed record PastAttempt(Instant StartedAt, CallOutcome Outcome);

/// <summary>The circumstances of the dial: when, for which agent (preview, callbacks), and the tenant's standing.</summary>
/// <param name="AgentId">The agent the call is for; null for predictive and progressive dialing.</param>
public sealed record DialContext(
    Instant Now,
    string? AgentId = null,
    bool TenantSuspended = false,
    bool CampaignRunning = true);
