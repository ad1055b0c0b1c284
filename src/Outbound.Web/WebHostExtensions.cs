using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outbound.Data.Identity;
using Outbound.Web.Areas.Campaigns.Live;
using Outbound.Web.Areas.Campaigns.Uploads;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Localization;
using Outbound.Web.Pdf;
using Outbound.Web.Security;
using Outbound.Web.Areas.Hr;
using Outbound.Web.Areas.Quality;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Pages;
using Outbound.Web.Pages.Account;

namespace Outbound.Web;

/// <summary>The web host's own wiring: sign-in and its limits, policies, tenant scope, security headers, localisation and Razor Pages by area.</summary>
public static class WebHostExtensions
{
    public static WebApplicationBuilder AddOutboundWeb(this WebApplicationBuilder builder)
    {
        builder.AddOutboundWebSecurity();
        var services = builder.Services;
        services.AddOutboundIdentityStores().AddSignInManager();
        services.AddSignInProtection();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "outbound.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS, also behind a proxy (forwarded headers)
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
        });
        // An admin's unlock, reset or role change reaches live sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddOutboundPolicies();
        services.AddTenantScope();
        services.AddCampaignLiveStatus();
        services.AddAgentDesk();
        services.AddQualityPages();
        services.AddWorkOrders();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UploadStore>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<Areas.Billing.ClientDocuments>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportJobs>());
        // Write Chinese as characters, not as &#x…; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeAreaFolder("Admin", "/", Policies.Admin);
            options.Conventions.AuthorizeAreaFolder("Campaigns", "/", Policies.CampaignsRead);
            options.Conventions.AuthorizeAreaFolder("Quality", "/", Policies.Quality);
            options.Conventions.AuthorizeAreaFolder("WorkOrders", "/", Policies.WorkOrders);
            options.Conventions.AuthorizeAreaFolder("Knowledge", "/", Policies.Knowledge);
            options.Conventions.AllowAnonymousToFolder("/Account");
        }).AddMvcOptions(options => options.Filters.Add<BadParameterFilter>()).AddMvcOptions(options => options.Filters.Add<PdfFontMissingFilter>());
        services.AddValidationTexts();
        return builder;
    }

    public static WebApplication UseOutboundWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts(); // only on HTTPS requests, never for localhost
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseHttpLogging();
        app.UseStaticFiles();
        app.UseRequestLocalization(Cultures.Options());
        app.UseRouting();
        app.UseRequestLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTenantScope();
        app.UseMiddleware<HubConnectionOwners>();
        app.MapRazorPages();
        app.MapCampaignLiveStatus();
        app.MapProtectedFiles();
        app.MapAgentDesk();
        app.MapQuality();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        return app;
    }
}
