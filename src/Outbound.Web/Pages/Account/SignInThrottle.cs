using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Outbound.Data.Identity;

namespace Outbound.Web.Pages.Account;

/// <summary>
/// The account side of sign-in protection. Attempts on one account share a token bucket (the built-in rate limiter),
/// with a queue: beyond the burst each attempt waits for its permit, so guessing one password from many addresses gets
/// slow. Wrong passwords lock the account only for the source they came from: someone who knows an agent's email can
/// no longer shut the agent out by failing five times from elsewhere. Both count an account whether it exists or not,
/// so the answers never tell which emails are real. Kept in memory: a restart forgets them, which costs an attacker
/// nothing worth having (five more guesses).
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly SignInLimits _limits;
    private readonly TimeProvider _clock;
    private readonly PartitionedRateLimiter<string> _accounts;
    private readonly ConcurrentDictionary<(string Account, string Source), Failures> _failures = new();
    private string? _nobodysHash;

    public SignInThrottle(IOptions<SignInLimits> limits, TimeProvider clock)
    {
        _limits = limits.Value;
        _clock = clock;
        _accounts = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetTokenBucketLimiter(account,
            _ => SignInLimits.Bucket(_limits.AccountBurst, _limits.AccountInterval, _limits.AccountQueue)));
    }

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset? LockedUntil);

    /// <summary>The normalised account name: the key for an email, whether or not a user has it.</summary>
    public static string AccountOf(string email) => email.Trim().ToUpperInvariant();

    /// <summary>Waits for the account's turn; false when too many attempts are already waiting for it.</summary>
    public async Task<bool> WaitForTurnAsync(string account, CancellationToken ct)
    {
        using var lease = await _accounts.AcquireAsync(account, 1, ct);
        return lease.IsAcquired;
    }

    public bool IsLockedOut(string account, string source) =>
        _failures.TryGetValue((account, source), out var f) && f.LockedUntil > _clock.GetUtcNow();

    /// <summary>Counts a wrong password; returns whether the source is now locked out of the account.</summary>
    public bool Failed(string account, string source)
    {
        var now = _clock.GetUtcNow();
        if (_failures.Count > 10_000) Forget(f => (f.LockedUntil ?? f.Last + _limits.Lockout) < now);
        var updated = _failures.AddOrUpdate((account, source), _ => Next(null, now), (_, f) => Next(f, now));
        return updated.LockedUntil > now;
    }

    private Failures Next(Failures? before, DateTimeOffset now)
    {
        // A run of failures ends when its lock-out ran out, or when its last failure was long ago.
        var count = before is null || before.LockedUntil <= now || now - before.Last > _limits.Lockout ? 1 : before.Count + 1;
        return new Failures(count, now, count >= _limits.FailuresBeforeLockout ? now + _limits.Lockout : null);
    }

    public void Succeeded(string account, string source) => _failures.TryRemove((account, source), out _);

    /// <summary>Recent wrong passwords for the account from anywhere, and whether some source is locked out of it (the users page).</summary>
    public (int Failures, bool LockedSomewhere) StateOf(string account)
    {
        var now = _clock.GetUtcNow();
        var mine = _failures.Where(p => p.Key.Account == account && now - p.Value.Last <= _limits.Lockout).Select(p => p.Value).ToList();
        return (mine.Sum(f => f.Count), mine.Any(f => f.LockedUntil > now));
    }

    /// <summary>An administrator's unlock: every source may try the account again.</summary>
    public void Unlock(string account) => Forget(f => true, account);

    private void Forget(Func<Failures, bool> which, string? account = null)
    {
        foreach (var (key, value) in _failures)
            if ((account is null || key.Account == account) && which(value)) _failures.TryRemove(key, out _);
    }

    /// <summary>A password check's worth of work for an email no user has, so that its answer takes as long as a real one's.</summary>
    public void SpendAPasswordCheck(IPasswordHasher<OutboundUser> hasher, string password)
    {
        var nobody = new OutboundUser();
        var hash = LazyInitializer.EnsureInitialized(ref _nobodysHash,
            () => hasher.HashPassword(nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
        hasher.VerifyHashedPassword(nobody, hash, password);
    }

    public void Dispose() => _accounts.Dispose();
}
