using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;

namespace Outbound.Data.Dialing;

/// <summary>A lead the hopper leased to one dialer run, with what compliance needs to judge it.</summary>
/// <param name="History">Attempts to the same number in the tenant over the last four days, oldest first.</param>
public sealed record LeasedLead(
    LeadId Id,
    TenantId TenantId,
    CampaignId CampaignId,
    string PhoneE164,
    string? Region,
    string TimeZone,
    string? Name,
    string FieldsJson,
    int Attempts,
    DateTimeOffset? NextCallAt,
    string? CallbackAgent,
    bool OffHoursConsent,
    bool IsDnc,
    IReadOnlyList<PastAttempt> History)
{
    public LeadFacts Facts => new(
        PhoneE164, TimeZone, Attempts,
        NextCallAt is { } next ? Instant.FromDateTimeOffset(next) : null,
        CallbackAgent, IsDnc, OffHoursConsent);
}

/// <summary>How a leased lead that was not dialled goes back to the pool.</summary>
public abstract record LeadRelease
{
    /// <summary>Back as it was (a stopping campaign returning its buffer).</summary>
    public sealed record Unchanged : LeadRelease;

    /// <summary>Not before <paramref name="Until"/> (outside the window, retry delay, daily limit …).</summary>
    public sealed record Deferred(DateTimeOffset Until) : LeadRelease;

    /// <summary>Never again in this campaign: DNC, attempt limit, unknown zone.</summary>
    public sealed record Closed(string Status, string Reason) : LeadRelease;

    public static LeadRelease Back { get; } = new Unchanged();
}
