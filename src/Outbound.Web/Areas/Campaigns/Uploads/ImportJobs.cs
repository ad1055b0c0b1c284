using System.Collections.Concurrent;
using System.Threading.Channels;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;
using Outbound.Data.Lists;

namespace Outbound.Web.Areas.Campaigns.Uploads;

public enum ImportJobState { Queued, Running, Completed, Failed }

/// <summary>One import started from the upload page; the page polls it for the progress bar.</summary>
public sealed class ImportJob(Guid id, PendingUpload upload, ListImportRequest request)
{
    private readonly Lock _gate = new();

    public Guid Id { get; } = id;
    public PendingUpload Upload { get; } = upload;
    public ListImportRequest Request { get; } = request;
    public TenantId Tenant => Request.Tenant;

    public ImportJobState State { get; private set; } = ImportJobState.Queued;
    public double Fraction { get; private set; }
    public long RowsRead { get; private set; }
    public Guid? ImportId { get; private set; }
    public ListImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    internal void Started() { lock (_gate) State = ImportJobState.Running; }

    internal void Report(ListImportProgress p)
    {
        lock (_gate)
        {
            ImportId = p.ImportId;
            RowsRead = p.RowsRead;
            if (p.TotalBytes is > 0 and var total) Fraction = Math.Min(1.0, (double)p.BytesRead / total);
        }
    }

    internal void Completed(ListImportResult result)
    {
        lock (_gate) (State, Result, ImportId, Fraction, RowsRead) = (ImportJobState.Completed, result, result.ImportId, 1.0, result.Rows);
    }

    internal void Failed(string error, Guid? importId)
    {
        lock (_gate) (State, Error, ImportId) = (ImportJobState.Failed, error, importId ?? ImportId);
    }
}

/// <summary>
/// Runs uploads through <see cref="ListImporter"/> one at a time in the background, so that a long list
/// neither ties up the request nor competes with another import for the two cores.
/// </summary>
public sealed class ImportJobs(ListImporter importer, UploadStore uploads, ILogger<ImportJobs> log) : BackgroundService
{
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public ImportJob Enqueue(PendingUpload upload, ListImportRequest request)
    {
        var job = new ImportJob(Guid.NewGuid(), upload, request);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>The job, only when the caller's scope may see its tenant.</summary>
    public ImportJob? Find(Guid id, TenantScope scope) => _jobs.TryGetValue(id, out var job) && scope.Allows(job.Tenant, job.Request.Campaign) ? job : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            job.Started();
            try
            {
                await using var file = File.OpenRead(job.Upload.Path);
                var result = await importer.ImportAsync(job.Request, file, new Progress(job), stoppingToken);
                job.Completed(result);
            }
            catch (ListImportFailedException e) { job.Failed(e.Message, e.ImportId); }
            catch (ListFormatException e) { job.Failed(e.Message, null); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "List import {Job} of {File} failed", job.Id, job.Upload.FileName);
                job.Failed(e.Message, null);
            }
            finally
            {
                uploads.Remove(job.Upload.Token);
            }
        }
    }

    /// <summary>Reports straight into the job (not through a SynchronizationContext like Progress&lt;T&gt;).</summary>
    private sealed class Progress(ImportJob job) : IProgress<ListImportProgress>
    {
        public void Report(ListImportProgress value) => job.Report(value);
    }
}
