using Microsoft.Extensions.Options;
using Outbound.Data.Quality;
using Outbound.Dialer;

namespace Outbound.Web.Areas.Quality;

public enum RecordingStatus
{
    Available,
    NotRecorded,
    Missing,
    OutsideFolder,
}

/// <summary>
/// Where a call's recording is on disk: the stored path (as the dialer wrote it, relative to the host's content root or
/// absolute) resolved and checked to lie inside the recording folder, so a tampered row cannot serve another file.
/// </summary>
public sealed class RecordingFiles(IOptions<DialerOptions> dialer, IWebHostEnvironment environment, ILogger<RecordingFiles> logger)
{
    public (RecordingStatus Status, string? Path) Locate(QualityCall call)
    {
        if (call.RecordingPath is not { } stored) return (RecordingStatus.NotRecorded, null);
        var root = Path.GetFullPath(dialer.Value.RecordingFolder, environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(stored, environment.ContentRootPath);
        if (!file.StartsWith(root, StringComparison.Ordinal))
        {
            logger.LogError("Recording of call {Call} points outside the recording folder ({Path}); refused", call.Id, stored);
            return (RecordingStatus.OutsideFolder, null);
        }
        if (File.Exists(file)) return (RecordingStatus.Available, file);
        logger.LogWarning("Recording missing: call {Call}, {Path}", call.Id, file);
        return (RecordingStatus.Missing, file);
    }
}
