namespace Outbound.Core.Collections;

/// <summary>A promise to pay of one debtor: taken on <see cref="PromisedOn"/>, due on <see cref="DueOn"/>; <see cref="KeptOn"/> once known.</summary>
public sealed record PromiseToPay(Guid Id, DateOnly PromisedOn, DateOnly DueOn, decimal Amount, DateOnly? KeptOn);

/// <summary>A payment the client reported for the debtor.</summary>
public sealed record DebtorPayment(DateOnly PaidOn, decimal Amount);

/// <summary>
/// Decides which promises of one debtor the reported payments keep. Payments are spent oldest first on the promises in the
/// order they were made, so one payment never keeps two promises. A promise is kept when the payments made from the day it
/// was taken until its due day plus <c>graceDays</c> add up to its amount; it is kept on the day the sum reached it.
/// A promise already marked kept stays kept, but still uses up the payments that kept it.
/// </summary>
public static class PromiseKeeping
{
    public const int DefaultGraceDays = 3;

    /// <summary>The last day a payment still keeps a promise due on <paramref name="dueOn"/>; after it an unkept promise is broken.</summary>
    public static DateOnly LastDay(DateOnly dueOn, int graceDays) => dueOn.AddDays(graceDays);

    public static IReadOnlyDictionary<Guid, DateOnly> KeptOn(IReadOnlyList<PromiseToPay> promises, IReadOnlyList<DebtorPayment> payments, int graceDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        var left = payments.OrderBy(p => p.PaidOn).Select(p => new Remaining(p.PaidOn, p.Amount)).ToList();
        var kept = new Dictionary<Guid, DateOnly>();
        foreach (var promise in promises.OrderBy(p => p.PromisedOn).ThenBy(p => p.DueOn).ThenBy(p => p.Id))
        {
            var last = promise.KeptOn ?? LastDay(promise.DueOn, graceDays);
            var usable = left.Where(p => p.Amount > 0 && p.PaidOn >= promise.PromisedOn && p.PaidOn <= last).ToList();
            if (promise.KeptOn is null && usable.Sum(p => p.Amount) < promise.Amount) continue;
            var need = promise.Amount;
            var reachedOn = promise.KeptOn;
            foreach (var payment in usable)
            {
                var used = Math.Min(need, payment.Amount);
                payment.Amount -= used;
                need -= used;
                if (need == 0) { reachedOn ??= payment.PaidOn; break; }
            }
            if (promise.KeptOn is null && reachedOn is { } on) kept[promise.Id] = on;
        }
        return kept;
    }

    private sealed class Remaining(DateOnly paidOn, decimal amount)
    {
        public DateOnly PaidOn { get; } = paidOn;
        public decimal Amount { get; set; } = amount;
    }
}
