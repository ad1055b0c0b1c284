using Outbound.Core.Performance;

namespace Outbound.Core.WorkOrders;

/// <summary>
/// A customer contact (a call connected to an agent), with what followed it from the same number in the tenant:
/// the next contact and the first work order opened at or after it.
/// </summary>
public sealed record ContactFact(DateTimeOffset At, DateTimeOffset? NextContactAt, DateTimeOffset? NextOrderAt);

/// <summary>What the service metrics need of one work order opened in the period.</summary>
/// <param name="FirstResponseMet">True: responded in time; false: breached; null: not yet decided (or the type has no SLA).</param>
/// <param name="ResolutionMet">The same for the resolution target.</param>
/// <param name="ClosedFully">Closed with a full resolution (圆满结案) and never reopened; null while not closed (or closed as a duplicate).</param>
public sealed record WorkOrderFact(string TypeCode, string TypeName, bool Escalated, bool SkipLevelComplaint, bool? FirstResponseMet, bool? ResolutionMet,
    bool? ClosedFully);

/// <summary>SLA attainment of one order type: targets met over targets decided (met or breached).</summary>
public sealed record SlaAttainment(string TypeCode, string TypeName, long Orders, Ratio FirstResponse, Ratio Resolution);

public sealed record WorkOrderFigures(long Orders, Ratio FullResolution, Ratio EscalationRate, Ratio SkipLevelComplaintRate,
    IReadOnlyList<SlaAttainment> SlaByType);

/// <summary>
/// The service metrics of the client report and the supervisor's page, each defined once (the performance report's FCR is this one):
/// <list type="bullet">
/// <item>first-contact resolution (一次解决率) = contacts resolved at the first contact / contacts, where a contact is resolved
/// when no work order was opened for the number and the number made no further contact within <see cref="RepeatWindow"/>;</item>
/// <item>full-resolution rate (圆满结案率) = orders closed with a full resolution and never reopened / orders closed (duplicates left out);</item>
/// <item>escalation rate (督办率) = orders escalated at least once / orders opened;</item>
/// <item>skip-level complaint rate (越级投诉率) = orders of a type flagged as a skip-level complaint / orders opened;</item>
/// <item>SLA attainment per type = targets met / targets decided, for first response and for resolution.</item>
/// </list>
/// </summary>
public static class ServiceMetrics
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(7);

    public static bool ResolvedAtFirstContact(ContactFact contact) =>
        !Within(contact.At, contact.NextOrderAt) && !Within(contact.At, contact.NextContactAt);

    public static Ratio FirstContactResolution(IEnumerable<ContactFact> contacts) =>
        contacts.Aggregate(new Ratio(0, 0), (r, c) => r.Add(ResolvedAtFirstContact(c)));

    public static WorkOrderFigures Measure(IReadOnlyCollection<WorkOrderFact> orders)
    {
        var full = orders.Where(o => o.ClosedFully is not null).Aggregate(new Ratio(0, 0), (r, o) => r.Add(o.ClosedFully == true));
        var escalated = new Ratio(orders.LongCount(o => o.Escalated), orders.Count);
        var skipLevel = new Ratio(orders.LongCount(o => o.SkipLevelComplaint), orders.Count);
        var byType = orders.GroupBy(o => (o.TypeCode, o.TypeName))
            .Select(g => new SlaAttainment(g.Key.TypeCode, g.Key.TypeName, g.LongCount(), Decided(g.Select(o => o.FirstResponseMet)), Decided(g.Select(o => o.ResolutionMet))))
            .OrderByDescending(t => t.Orders).ThenBy(t => t.TypeCode, StringComparer.Ordinal)
            .ToList();
        return new WorkOrderFigures(orders.Count, full, escalated, skipLevel, byType);
    }

    private static Ratio Decided(IEnumerable<bool?> met) =>
        met.Where(m => m is not null).Aggregate(new Ratio(0, 0), (r, m) => r.Add(m == true));

    private static bool Within(DateTimeOffset at, DateTimeOffset? next) => next is { } n && n >= at && n - at <= RepeatWindow;
}
