using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Identity;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Workforce;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr;

/// <summary>
/// DELETE of a call recording or a customer file (a lead) is always refused: originals are never deleted (rule 7). The
/// request must carry the antiforgery token (header <c>RequestVerificationToken</c>) like any form post. An attempt on a
/// file the caller could see is answered 403, logged and, for staff, proposed to Hr as a draft deduction; a file that
/// does not exist or is not the caller's to see is simply not found, and nothing is written.
/// </summary>
public static class ProtectedFileEndpoints
{
    public static IEndpointRouteBuilder MapProtectedFiles(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/recordings/{callId:guid}", (Guid callId, HttpContext http, CancellationToken ct) =>
            RefuseAsync(http, ProtectedFileKind.Recording, callId.ToString(), ct));
        app.MapDelete("/customers/{leadId:long}", (long leadId, HttpContext http, CancellationToken ct) =>
            RefuseAsync(http, ProtectedFileKind.CustomerFile, leadId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct));
        return app;
    }

    private static async Task<IResult> RefuseAsync(HttpContext http, ProtectedFileKind kind, string id, CancellationToken ct)
    {
        var services = http.RequestServices;
        if (!await services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return Results.Problem(ProtectedFileTexts.MissingAntiforgery, statusCode: StatusCodes.Status400BadRequest);
        var files = services.GetRequiredService<ProtectedFiles>();
        if (await files.FindAsync(kind, id, ct) is not { } file
            || !await CanSeeAsync(http.User, file, services.GetRequiredService<TenantScope>(), services.GetRequiredService<CampaignAgentRepository>(), ct))
            return Results.Problem(ProtectedFileTexts.NoSuchFile, statusCode: StatusCodes.Status404NotFound);
        var target = kind == ProtectedFileKind.Recording ? $"call {id}" : $"lead {id}";
        var refusal = await files.RefuseDeletionAsync(http.User.ToAssessmentActor().Id, kind, target,
            services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        return Results.Problem(refusal.Text.ToText(), statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Whether the caller could see the file anywhere in the product: a client its tenant's, a supervisor its campaigns',
    /// an agent the customers of its campaigns and the recordings of its own calls, Hr recordings (the evidence of
    /// deductions), admins and campaign managers everything.
    /// </summary>
    private static async Task<bool> CanSeeAsync(ClaimsPrincipal user, ProtectedFile file, TenantScope scope, CampaignAgentRepository assignments,
        CancellationToken ct)
    {
        if (!scope.Allows(file.Tenant, file.Campaign)) return false;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.CampaignManager) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Client))
            return true;
        if (user.IsInRole(Roles.Hr)) return file.Kind == ProtectedFileKind.Recording;
        if (!user.IsInRole(Roles.Agent) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } me) return false;
        return file.Kind == ProtectedFileKind.Recording
            ? file.Agent == me
            : (await assignments.CampaignsOfAsync(Guid.Parse(me), ct)).Contains(file.Campaign.Value);
    }
}
