using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Outbound.Data.Identity;

public static class IdentityServiceCollectionExtensions
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Identity's user and role stores on <see cref="OutboundDbContext"/> with Outbound's password and lock-out
    /// rules. Hosts add sign-in (web) on the returned builder; the CLI uses it as is to seed users.
    /// </summary>
    public static IdentityBuilder AddOutboundIdentityStores(this IServiceCollection services)
    {
        // Reset tokens; the key ring's application name and folder are set once in AddOutboundTelephonyData,
        // outside the database, so a database dump alone never opens protected secrets.
        services.AddDataProtection();
        services.AddDbContext<OutboundDbContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        return services
            .AddIdentityCore<OutboundUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedLogins;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<OutboundDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<OutboundClaimsPrincipalFactory>();
    }
}
