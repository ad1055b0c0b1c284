using System.Collections.Concurrent;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;

namespace Outbound.Web.Areas.Campaigns.Uploads;

/// <summary>An uploaded list waiting between preview and import, tied to the tenant and campaign it was uploaded for.</summary>
public sealed record PendingUpload(Guid Token, TenantId Tenant, CampaignId Campaign, string FileName, string Path, DateTimeOffset UploadedAt);

/// <summary>
/// Keeps uploaded files on local disk from the preview until the import has read them (the file is
/// streamed to disk, never held in memory). Uploads left for an hour are deleted.
/// </summary>
public sealed class UploadStore(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, PendingUpload> _uploads = new();
    private readonly string _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "outbound-uploads")).FullName;

    public async Task<PendingUpload> SaveAsync(TenantId tenant, CampaignId campaign, IFormFile file, CancellationToken ct)
    {
        RemoveExpired();
        var token = Guid.NewGuid();
        var path = Path.Combine(_directory, token.ToString("N") + ".upload");
        await using (var target = File.Create(path))
            await file.CopyToAsync(target, ct);
        var upload = new PendingUpload(token, tenant, campaign, Path.GetFileName(file.FileName), path, clock.GetUtcNow());
        _uploads[token] = upload;
        return upload;
    }

    /// <summary>The upload, only if it belongs to this tenant and campaign.</summary>
    public PendingUpload? Find(Guid token, TenantId tenant, CampaignId campaign) =>
        _uploads.TryGetValue(token, out var u) && u.Tenant == tenant && u.Campaign == campaign && File.Exists(u.Path) ? u : null;

    public void Remove(Guid token)
    {
        if (_uploads.TryRemove(token, out var upload)) TryDelete(upload.Path);
    }

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var upload in _uploads.Values.Where(u => now - u.UploadedAt > Lifetime)) Remove(upload.Token);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* a file still open by a finishing import is removed by the OS temp cleanup */ }
    }
}
