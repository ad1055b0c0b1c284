using NodaTime;
using Outbound.Core.Campaigns;

namespace Outbound.Core.Compliance;

/// <summary>
/// The one gate every dial passes through. Pure: the dialer supplies the lead, the number's recent
/// history and the clock reading; the answer says allowed, or refused with a countable reason and
/// the time at which the lead may be tried again.
/// </summary>
public static class ComplianceCheck
{
    public static ComplianceDecision Evaluate(
        CompliancePolicy policy, LeadFacts lead, DialContext context, IReadOnlyList<PastAttempt> history)
    {
        var now = context.Now;
        if (context.TenantSuspended) return Refuse(RefusalReason.TenantSuspended);
        if (!context.CampaignRunning) return Refuse(RefusalReason.CampaignNotRunning);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(lead.TimeZoneId);
        if (zone is null) return Refuse(RefusalReason.UnknownTimeZone);
        if (lead.IsDnc) return Refuse(RefusalReason.Dnc);
        if (lead.Attempts >= policy.MaxAttempts) return Refuse(RefusalReason.MaxAttempts);
        if (lead.CallbackAgent is not null && lead.CallbackAgent != context.AgentId)
            return Refuse(RefusalReason.CallbackOwnedByOther, lead.NextCallAt);
        if (lead.NextCallAt is { } next && next > now) return Refuse(RefusalReason.RetryDelay, next);

        if (policy.Regulator.NoRepeatAfterAbandon is { } quiet)
        {
            var lastAbandon = history.Where(a => a.Outcome == CallOutcome.Abandoned && a.StartedAt <= now)
                .Select(a => (Instant?)a.StartedAt).Max();
            if (lastAbandon is { } abandonedAt && now < abandonedAt + quiet)
                return Refuse(RefusalReason.OfcomAbandon72h, abandonedAt + quiet);
        }

        if (policy.Regulator.MaxUnansweredPerDay is { } dailyLimit)
        {
            var today = now.InZone(zone).Date;
            var unansweredToday = history.Count(a =>
                a.Outcome != CallOutcome.Answered && a.StartedAt <= now && a.StartedAt.InZone(zone).Date == today);
            if (unansweredToday >= dailyLimit)
                return Refuse(RefusalReason.DailyUnansweredLimit, zone.AtStartOfDay(today.PlusDays(1)).ToInstant());
        }

        if (!policy.IsInsideWindow(now.InZone(zone).LocalDateTime, lead.OffHoursConsent))
            return Refuse(RefusalReason.OutsideWindow, policy.NextWindowOpening(now, zone, lead.OffHoursConsent));

        return ComplianceDecision.Allow;
    }

    private static ComplianceDecision.Refused Refuse(RefusalReason reason, Instant? retryAt = null) => new(reason, retryAt);
}
