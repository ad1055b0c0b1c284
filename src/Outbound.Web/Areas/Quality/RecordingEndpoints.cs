using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality;

/// <summary>
/// <c>GET /quality/recordings/{callId}</c>: streams a call's stereo WAV (customer left, agent right) to whoever may hear it
/// (<see cref="Core.Quality.QualityViewer.MayPlay"/>), with range requests so the player can seek. The URL names a call,
/// never a path; the stored path must lie inside the recording folder. A client user never gets a recording; a call
/// outside the viewer's campaigns is not found (404), not revealed. A recording missing on disk answers 404 with
/// "recording missing" and is logged.
/// </summary>
public static class RecordingEndpoints
{
    public const string Route = "/quality/recordings/{callId:guid}";

    public static string UrlOf(Guid callId) => $"/quality/recordings/{callId}";

    public static IEndpointRouteBuilder MapQualityRecordings(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, StreamAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> StreamAsync(Guid callId, HttpContext http, QualityViewers viewers, QualityCalls calls, Evaluations evaluations,
        RecordingFiles files, ILoggerFactory loggers, CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(http.User, ct);
        if (viewer.Role == Core.Quality.QualityRole.None) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var call = await calls.FindAsync(callId, ct);
        if (call is null || !viewer.MayPlay(call.CampaignId, call.Agent, await evaluations.IsEvaluatedAsync(callId, ct))) return Results.NotFound();
        var (status, file) = files.Locate(call);
        switch (status)
        {
            case RecordingStatus.NotRecorded: return Results.Problem(QualityTexts.NotRecorded, statusCode: StatusCodes.Status404NotFound);
            case RecordingStatus.Missing: return Results.Problem(QualityTexts.RecordingMissing, statusCode: StatusCodes.Status404NotFound);
            case RecordingStatus.OutsideFolder: return Results.NotFound();
        }
        loggers.CreateLogger(typeof(RecordingEndpoints)).LogInformation("Recording of call {Call} played by {User}", callId, viewer.UserId);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(file!, "audio/wav", enableRangeProcessing: true);
    }
}
