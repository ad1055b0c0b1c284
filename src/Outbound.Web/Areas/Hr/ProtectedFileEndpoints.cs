using Outbound.Core.Assessment.Detection;
using Outbound.Data.Workforce;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr;

/// <summary>
/// DELETE of a call recording or a customer file (a lead) is always answered 403: originals are never deleted
/// (rule 7). The attempt is logged and, for staff, proposed to Hr as a draft deduction.
/// </summary>
public static class ProtectedFileEndpoints
{
    public static IEndpointRouteBuilder MapProtectedFiles(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/recordings/{callId:guid}", (Guid callId, HttpContext http, ProtectedFiles files, TimeProvider clock, CancellationToken ct) =>
            Refuse(http, files, clock, ProtectedFileKind.Recording, $"call {callId}", ct));
        app.MapDelete("/customers/{leadId:long}", (long leadId, HttpContext http, ProtectedFiles files, TimeProvider clock, CancellationToken ct) =>
            Refuse(http, files, clock, ProtectedFileKind.CustomerFile, $"lead {leadId}", ct));
        return app;
    }

    private static async Task<IResult> Refuse(HttpContext http, ProtectedFiles files, TimeProvider clock, ProtectedFileKind kind, string target,
        CancellationToken ct)
    {
        var refusal = await files.RefuseDeletionAsync(http.User.ToAssessmentActor().Id, kind, target, clock.GetUtcNow(), ct);
        return Results.Problem(refusal.Text.ToText(), statusCode: StatusCodes.Status403Forbidden);
    }
}
