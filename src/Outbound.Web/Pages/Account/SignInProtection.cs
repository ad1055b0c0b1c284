using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Outbound.Web.Pages.Account;

/// <summary>
/// Wiring of sign-in protection: the per-source limit on posting the sign-in form is ASP.NET Core's rate limiter
/// middleware (a token bucket per source, with a queue); the per-account limit and lock-out live in <see cref="SignInThrottle"/>.
/// </summary>
public static class SignInProtection
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInProtection(this IServiceCollection services)
    {
        services.AddOptions<SignInLimits>().BindConfiguration(SignInLimits.Section)
            .Validate(l => l is { SourceBurst: > 0, AccountBurst: > 0, FailuresBeforeLockout: > 0 }
                           && l.SourceInterval > TimeSpan.Zero && l.AccountInterval > TimeSpan.Zero && l.Lockout > TimeSpan.Zero,
                "Outbound:SignIn needs positive bursts, intervals, failures and lock-out")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<TrustedDevices>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimits>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(SignInLimits.SourceOf(context),
                    _ => SignInLimits.Bucket(limits.SourceBurst, limits.SourceInterval, limits.SourceQueue));
            });
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.SetProblem(AccountTexts.TooManyFromHere);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
