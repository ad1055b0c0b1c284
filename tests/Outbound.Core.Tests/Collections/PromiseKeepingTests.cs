using Outbound.Core.Collections;

namespace Outbound.Core.Tests.Collections;

public sealed class PromiseKeepingTests
{
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid();

    [Fact]
    public void A_promise_is_kept_on_the_day_the_payments_reach_its_amount_within_the_grace_days()
    {
        var kept = PromiseKeeping.KeptOn([new PromiseToPay(First, new(2026, 3, 1), new(2026, 3, 10), 1000m, null)],
            [new DebtorPayment(new(2026, 3, 5), 400m), new DebtorPayment(new(2026, 3, 13), 600m)], graceDays: 3);
        Assert.Equal(new DateOnly(2026, 3, 13), kept[First]);
    }

    [Fact]
    public void Payments_after_the_grace_days_or_before_the_promise_was_made_do_not_keep_it()
    {
        var promise = new PromiseToPay(First, new(2026, 3, 1), new(2026, 3, 10), 1000m, null);
        Assert.Empty(PromiseKeeping.KeptOn([promise], [new DebtorPayment(new(2026, 3, 14), 1000m)], graceDays: 3));
        Assert.Empty(PromiseKeeping.KeptOn([promise], [new DebtorPayment(new(2026, 2, 28), 1000m)], graceDays: 3));
    }

    [Fact]
    public void One_payment_does_not_keep_two_promises()
    {
        PromiseToPay[] promises =
        [
            new(First, new(2026, 3, 1), new(2026, 3, 10), 500m, null),
            new(Second, new(2026, 3, 2), new(2026, 3, 12), 500m, null),
        ];
        var kept = PromiseKeeping.KeptOn(promises, [new DebtorPayment(new(2026, 3, 8), 500m)], graceDays: 0);
        Assert.Equal([First], kept.Keys);
        var both = PromiseKeeping.KeptOn(promises, [new DebtorPayment(new(2026, 3, 8), 500m), new DebtorPayment(new(2026, 3, 11), 500m)], graceDays: 0);
        Assert.Equal(new DateOnly(2026, 3, 11), both[Second]);
    }

    [Fact]
    public void A_promise_already_kept_uses_up_its_payment_before_a_later_one()
    {
        PromiseToPay[] promises =
        [
            new(First, new(2026, 3, 1), new(2026, 3, 10), 500m, new DateOnly(2026, 3, 8)),
            new(Second, new(2026, 3, 2), new(2026, 3, 12), 500m, null),
        ];
        Assert.Empty(PromiseKeeping.KeptOn(promises, [new DebtorPayment(new(2026, 3, 8), 500m)], graceDays: 0));
    }
}
