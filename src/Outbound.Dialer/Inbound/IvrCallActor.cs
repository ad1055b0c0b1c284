using Outbound.Dialer.Calls;
using Akka.Actor;
using Akka.Event;
using Outbound.Core.Ivr;
using Outbound.Core.Tenants;
using Outbound.Data.Desk;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>
/// One caller in a campaign's IVR: plays the prompts of each <see cref="IvrStep"/>, takes keys (also while
/// a prompt plays), times out, and ends by handing the leg to a queue (through the directory), taking a
/// message, or hanging up. The way through the menus is Core's <see cref="IvrSession"/>. The call is recorded when it
/// arrives; the queue it is handed to completes the same row.
/// </summary>
internal sealed class IvrCallActor : ReceiveActor, IWithTimers
{
    private sealed record InputTimeout(int Generation);
    private sealed record Begin;
    private sealed record VoicemailLimit;

    private readonly Core.Campaigns.CampaignId _campaign;
    private readonly TenantId _tenant;
    private readonly CallLegId _leg;
    private readonly string _number;
    private readonly AcdServices _services;
    private readonly IActorRef _directory;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DateTimeOffset _arrivedAt;
    private readonly Guid _callId = Guid.CreateVersion7();
    private readonly Queue<string> _prompts = new();
    private IvrSession _session;
    private IvrStep? _step;
    private int _generation;
    private string? _recording;
    private bool _done;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(Core.Campaigns.CampaignId campaign, TenantId tenant, CallLegId leg, string number, IvrTree tree, AcdServices services, IActorRef directory) =>
        Akka.Actor.Props.Create(() => new IvrCallActor(campaign, tenant, leg, number, tree, services, directory));

    public IvrCallActor(Core.Campaigns.CampaignId campaign, TenantId tenant, CallLegId leg, string number, IvrTree tree, AcdServices services, IActorRef directory)
    {
        (_campaign, _tenant, _leg, _number, _services, _directory) = (campaign, tenant, leg, number, services, directory);
        _arrivedAt = services.Dialer.Time.GetUtcNow();
        _session = new IvrSession(tree, tree.RootId, 0);
        ReceiveAsync<Begin>(_ =>
        {
            var (step, session) = IvrSession.Start(tree);
            _session = session;
            return PerformAsync(step);
        });
        ReceiveAsync<TelephonyEvent.DtmfReceived>(d => NextAsync(_session.Press(d.Digit)));
        ReceiveAsync<InputTimeout>(t => t.Generation == _generation ? NextAsync(_session.TimedOut()) : Task.CompletedTask);
        ReceiveAsync<TelephonyEvent.PromptFinished>(_ => PlayNextAsync());
        ReceiveAsync<VoicemailLimit>(_ => Try(t => t.HangUpAsync(_leg)));
        ReceiveAsync<TelephonyEvent.HungUp>(_ => FinishAsync(_step is IvrStep.ToVoicemail ? "voicemail" : "abandoned_in_ivr"));
        ReceiveAsync<CallLifecycle.Interrupt>(async _ =>
        {
            await Try(t => t.HangUpAsync(_leg));
            await FinishAsync("interrupted");
        });
        Receive<TelephonyEvent>(_ => { });
        Receive<CallLifecycle.Report>(_ => { });
    }

    protected override void PreStart()
    {
        _services.Dialer.Live.Add(Self, _campaign);
        _services.Dialer.Records.Append(new InboundCallArrived(_callId, _tenant, _campaign, _number, null, 0, null, _arrivedAt, _services.Dialer.Run.Id));
        Self.Tell(new Begin());
    }

    /// <summary>Stopped in the menus (the node shutting down): recorded as interrupted, never left open.</summary>
    protected override void PostStop()
    {
        if (!_done)
        {
            _done = true;
            _ = Try(t => t.HangUpAsync(_leg));
            Append("interrupted");
        }
        _services.Dialer.Live.Remove(Self);
    }

    private Task NextAsync((IvrStep Step, IvrSession Session) next)
    {
        if (_done || _step is not IvrStep.Prompt) return Task.CompletedTask; // keys after the caller left the menus are ignored
        _session = next.Session;
        return PerformAsync(next.Step);
    }

    private async Task PerformAsync(IvrStep step)
    {
        _step = step;
        _generation++;
        Timers.Cancel(nameof(InputTimeout));
        _prompts.Clear();
        var prompts = step switch
        {
            IvrStep.Prompt p => p.Prompts,
            IvrStep.ToQueue q => q.Prompts,
            IvrStep.ToVoicemail v => v.Prompts,
            IvrStep.Hangup h => h.Prompts,
            _ => [],
        };
        foreach (var prompt in prompts) _prompts.Enqueue(prompt);
        if (step is IvrStep.ToQueue queue)
        {
            foreach (var prompt in prompts) await Try(t => t.PlayPromptAsync(_leg, prompt));
            var id = _campaign;
            try { id = await _services.Dialer.Campaigns.FindIdByCodeAsync(queue.QueueCode) ?? _campaign; }
            catch (Exception e) when (_services.Dialer.Health.Failed(e)) { _log.Warning("Queue {0} not looked up, the database is away: the caller stays in this campaign's queue", queue.QueueCode); }
            _done = true;
            _directory.Tell(new AcdCommands.CallerArrived(id, _leg, _number, queue.Priority, queue.Skill) { CallId = _callId });
            Context.Stop(Self);
            return;
        }
        if (step is IvrStep.ToVoicemail)
        {
            _recording = Path.Combine(_services.Dialer.Options.RecordingFolder, "voicemail", _campaign.ToString(), $"{Guid.CreateVersion7():N}.wav");
            await Try(t => t.StartRecordingAsync(_leg, _recording));
        }
        await PlayNextAsync();
    }

    private async Task PlayNextAsync()
    {
        if (_done) return;
        if (_prompts.TryDequeue(out var prompt))
        {
            await Try(t => t.PlayPromptAsync(_leg, prompt));
            return;
        }
        switch (_step)
        {
            case IvrStep.Prompt:
                Timers.StartSingleTimer(nameof(InputTimeout), new InputTimeout(_generation), _services.IvrInputTimeout);
                break;
            case IvrStep.Hangup:
                await Try(t => t.HangUpAsync(_leg));
                break;
            case IvrStep.ToVoicemail:
                Timers.StartSingleTimer(nameof(VoicemailLimit), new VoicemailLimit(), TimeSpan.FromSeconds(60));
                break;
        }
    }

    private async Task FinishAsync(string outcome)
    {
        if (_done) return;
        _done = true;
        if (_recording is not null) await Try(t => t.StopRecordingAsync(_leg));
        Append(_step is IvrStep.Hangup ? "ivr_hangup" : outcome);
        Context.Stop(Self);
    }

    private void Append(string outcome) =>
        _services.Dialer.Records.Append(new InboundCallEnded(new InboundCallRecord(_callId, _tenant, _campaign, _number, null, 0, null,
            _arrivedAt, null, _services.Dialer.Time.GetUtcNow(), null, outcome, null, null, _recording), _services.Dialer.Run.Id));

    private Task Try(Func<Telephony.ITelephony, Task> action) => _services.Dialer.Telephony.TryAsync(action, _log, _leg);
}
