using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Data.Dialing;

namespace Outbound.Dialer.Recovery;

/// <summary>What was closed of one dead run.</summary>
public sealed record RecoveredRun(string RunId, string Reason, DateTimeOffset EndedAt, int Calls, int InboundCalls, int Sessions, int Leases);

/// <summary>
/// Closes what dead runs left open, at their last sign of life (the crash time): calls in flight are recorded as
/// interrupted with what they had reached — answer, agent, disposition (also one the agent saved on the desk) — and their
/// leads follow the campaign's rules for that outcome, so a reached customer is not called again as if unanswered;
/// inbound calls end as interrupted; agent sessions end with the reason 'crash'; leads leased but not dialled are free
/// at once. The dead runs' records that waited in an outbox go in first: a call whose record was kept is not closed twice.
/// </summary>
public sealed class RunRecovery(DialerServices services, DialerRuns runs, InterruptedWork work)
{
    /// <summary>How long recovery waits for the outbox to be replayed before it tries again later.</summary>
    public static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(20);

    public async Task<IReadOnlyList<RecoveredRun>> RecoverAsync(CancellationToken ct = default)
    {
        if (!await CaughtUpAsync()) return [];
        var recovered = new List<RecoveredRun>();
        foreach (var run in await runs.UnrecoveredAsync(ct))
        {
            var calls = await CloseCallsAsync(run, ct);
            if (!await CaughtUpAsync()) break;
            var inbound = await work.CloseInboundAsync(run.Id, run.EndedAt, ct);
            var sessions = await work.CloseSessionsAsync(run.Id, run.EndedAt, ct);
            var leases = await work.ReleaseLeasesAsync(run.Id, ct);
            await runs.MarkRecoveredAsync(run.Id, services.Time.GetUtcNow(), ct);
            recovered.Add(new RecoveredRun(run.Id, run.Reason, run.EndedAt, calls, inbound, sessions, leases));
        }
        var runless = await work.CloseRunlessSessionsAsync([services.Run.Id], ct);
        if (runless > 0) recovered.Add(new RecoveredRun("(none)", "crashed", services.Time.GetUtcNow(), 0, 0, runless, 0));
        return recovered;
    }

    private async Task<bool> CaughtUpAsync()
    {
        try
        {
            await services.Records.CaughtUpAsync().WaitAsync(CatchUpLimit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<int> CloseCallsAsync(DeadRun run, CancellationToken ct)
    {
        var campaigns = new Dictionary<CampaignId, DialerCampaign?>();
        var closed = 0;
        foreach (var call in await work.CallsAsync(run.Id, ct))
        {
            if (!call.StillDialing)
            {
                await work.ForgetAsync(call.LeadId, call.Attempt, ct);
                continue;
            }
            if (!campaigns.TryGetValue(call.CampaignId, out var campaign))
                campaigns[call.CampaignId] = campaign = await services.Campaigns.FindAsync(call.CampaignId, ct);
            if (campaign is null) continue;
            services.Records.Append(new CallFinished(Close(call, campaign, run)));
            closed++;
        }
        return closed;
    }

    private CompletedCall Close(InterruptedAttempt call, DialerCampaign campaign, DeadRun run)
    {
        var settings = campaign.Settings;
        var endedAt = run.EndedAt > call.StartedAt ? run.EndedAt : call.StartedAt;
        var outcome = InterruptedCall.Outcome(call.AnsweredAt is not null, call.AnsweredBy == "machine", call.ConnectedAt is not null);
        var callback = call.CallbackAt is { } at ? new CallbackRequest(Instant.FromDateTimeOffset(at), call.CallbackMine) : null;
        var next = InterruptedCall.NextStep(CompliancePolicy.From(settings), settings.Dispositions, outcome, call.Attempt,
            Instant.FromDateTimeOffset(endedAt), Duration.FromTimeSpan(services.Options.InterruptedRetryDelay), call.Disposition, callback, call.Agent);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(call.TimeZone);
        var recording = call.ConnectedAt is not null && settings.RecordCalls
            ? Path.Combine(services.Options.RecordingFolder, call.CampaignId.ToString(), $"{call.LeadId}-{call.Attempt}.wav")
            : null;
        var record = new CallRecord(
            Guid.CreateVersion7(), call.TenantId, call.CampaignId, call.LeadId, call.Attempt, call.PhoneE164, call.Region,
            zone is null ? null : Instant.FromDateTimeOffset(call.StartedAt).InZone(zone).Hour,
            campaign.DialMode, settings.CallerId, call.Agent, call.StartedAt, null, call.AnsweredAt, call.ConnectedAt, endedAt,
            call.Disposition is null ? null : call.WrapEndedAt, outcome, InterruptedCall.FailureReason,
            !settings.AmdEnabled ? "off" : call.AnsweredBy, outcome == CallOutcome.Abandoned, call.Disposition,
            recording is not null && File.Exists(recording) ? recording : null, run.Id);
        return new CompletedCall(record, LeadUpdate.From(next, outcome));
    }
}
