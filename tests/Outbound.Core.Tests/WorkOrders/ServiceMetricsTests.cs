using Outbound.Core.Performance;
using Outbound.Core.WorkOrders;

namespace Outbound.Core.Tests.WorkOrders;

public sealed class ServiceMetricsTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_contact_is_resolved_at_first_contact_only_without_a_work_order_and_without_a_repeat_within_seven_days()
    {
        var contacts = new[]
        {
            new ContactFact(T, null, null),                                  // resolved
            new ContactFact(T, T.AddDays(8), null),                          // called again after the window: resolved
            new ContactFact(T, T.AddDays(7), null),                          // called again on the 7th day: not resolved
            new ContactFact(T, null, T.AddMinutes(3)),                       // a work order during the call: not resolved
            new ContactFact(T, null, T.AddDays(10)),                         // an order much later, for another matter: resolved
            new ContactFact(T, T.AddHours(2), null),                         // called back the same day: not resolved
        };
        Assert.Equal([true, true, false, false, true, false], contacts.Select(ServiceMetrics.ResolvedAtFirstContact));
        Assert.Equal(new Ratio(3, 6), ServiceMetrics.FirstContactResolution(contacts));
    }

    [Fact]
    public void Escalation_and_skip_level_rates_count_orders_opened_full_resolution_counts_orders_closed()
    {
        var orders = new[]
        {
            new WorkOrderFact("dispute", "交易争议", Escalated: true, SkipLevelComplaint: false, FirstResponseMet: false, ResolutionMet: true, ClosedFully: true),
            new WorkOrderFact("dispute", "交易争议", false, false, true, true, ClosedFully: false),          // closed, not fully (or reopened)
            new WorkOrderFact("dispute", "交易争议", false, false, true, null, ClosedFully: null),           // still open, within target
            new WorkOrderFact("complaint", "越级投诉", true, true, true, false, ClosedFully: null),
        };

        var figures = ServiceMetrics.Measure(orders);

        Assert.Equal(4, figures.Orders);
        Assert.Equal(new Ratio(2, 4), figures.EscalationRate);
        Assert.Equal(new Ratio(1, 4), figures.SkipLevelComplaintRate);
        Assert.Equal(new Ratio(1, 2), figures.FullResolution);
        var dispute = figures.SlaByType.Single(t => t.TypeCode == "dispute");
        Assert.Equal((3L, new Ratio(2, 3), new Ratio(2, 2)), (dispute.Orders, dispute.FirstResponse, dispute.Resolution));
        Assert.Equal("dispute", figures.SlaByType[0].TypeCode); // the busiest type first
        Assert.Equal(new Ratio(0, 1), figures.SlaByType[1].Resolution);
    }

    [Fact]
    public void No_orders_give_no_rate_rather_than_zero()
    {
        var figures = ServiceMetrics.Measure([]);
        Assert.Null(figures.EscalationRate.Value);
        Assert.Equal("—", figures.FullResolution.Percent());
    }
}
