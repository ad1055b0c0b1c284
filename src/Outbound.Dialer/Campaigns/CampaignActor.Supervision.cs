using Akka.Actor;
using Akka.Event;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Hopper;
using Outbound.Dialer.Recovery;

namespace Outbound.Dialer.Campaigns;

/// <summary>
/// How a campaign stays alive through outages and failures. A database error never leaves a running campaign without
/// timers: the step is logged and the campaign wakes itself again with a backoff (and the node's watchdog wakes every
/// campaign the database says is running). Takes of leads that the hopper does not answer in time are asked again once
/// (the hopper answers a take it served with the same leads), then given up, so a lost answer never holds back pacing.
/// The campaign tells the hopper which leads it holds, so that only those leases are renewed. Should the actor restart
/// after all, it rebuilds itself from the database, from the calls still alive (they are not its children and go on) and
/// from its agents, who say again now and then that they are there.
/// </summary>
public sealed partial class CampaignActor
{
    private sealed record RenewLeases;
    private sealed record Rewake;
    /// <param name="Held">Progressive lines: each holds the ready agent waiting longest from the dial on.</param>
    private sealed record PendingTake(int Count, DateTimeOffset Deadline, bool AskedAgain, bool Held);

    private readonly Dictionary<long, PendingTake> _pendingTakes = [];
    // Take ids are unique across incarnations, so a restarted campaign is never answered with a take of the one before.
    private long _lastTakeId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private bool _draining;
    private TimeSpan _retryDelay;

    private int PendingLines => _pendingTakes.Values.Sum(t => t.Count);

    private void ReceiveSupervision()
    {
        _retryDelay = _services.Options.RetryMin;
        ReceiveAsync<Rewake>(_ => WakeAsync(reply: false));
        Receive<RenewLeases>(_ => _hopper?.Tell(new HopperProtocol.Renew(Held())));
        ReceiveAsync<DialerEvents.Draining>(_ => DrainAsync());
        Receive<CallReports.InFlight>(OnInFlight);
    }

    /// <summary>Woken (at start, by the watchdog, after an error): a campaign that is dialling already has nothing to do.</summary>
    private async Task WakeAsync(bool reply)
    {
        if (_status == CampaignStatus.Running && _hopper is not null && Timers.IsTimerActive(nameof(Tick)))
        {
            if (reply) Sender.Tell(new CampaignReplies.CommandAccepted(_id, _status));
            return;
        }
        await GuardAsync("wake", () => StartAsync(persist: false, reply), reply);
    }

    /// <summary>
    /// Runs a step that needs the database. A failure is logged, the command (if any) is refused with the reason, and a
    /// campaign that should be running wakes itself again later: it never stays without timers.
    /// </summary>
    private async Task GuardAsync(string what, Func<Task> step, bool reply, Action? rejected = null)
    {
        var sender = Sender;
        try
        {
            await step();
        }
        catch (Exception e)
        {
            var outage = _services.Health.Failed(e);
            if (outage) _log.Warning("Campaign {0} could not {1}, the database is away: {2}", _campaign?.Code ?? _id.ToString(), what, e.Message);
            else _log.Error(e, "Campaign {0} could not {1}", _campaign?.Code ?? _id.ToString(), what);
            if (rejected is not null) rejected();
            else if (reply) sender.Tell(new CampaignReplies.CommandRejected(_id, outage ? CampaignReplies.DatabaseUnavailable : "failed"));
            if (_status == CampaignStatus.Running || _campaign is null) ScheduleRewake();
        }
    }

    private void ScheduleRewake()
    {
        if (Timers.IsTimerActive(nameof(Rewake))) return;
        Timers.StartSingleTimer(nameof(Rewake), new Rewake(), _retryDelay);
        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _services.Options.RetryMax.Ticks));
    }

    private void TakeLeads(int lines, bool held)
    {
        var id = ++_lastTakeId;
        _pendingTakes[id] = new PendingTake(lines, Now + _services.Options.TakeTimeout, AskedAgain: false, held);
        _hopper!.Tell(new HopperProtocol.Take(id, lines));
    }

    private void ExpireTakes()
    {
        var now = Now;
        foreach (var (id, take) in _pendingTakes.Where(t => t.Value.Deadline <= now).ToList())
        {
            if (take.AskedAgain)
            {
                _pendingTakes.Remove(id);
                _log.Warning("Campaign {0}: take {1} of {2} leads got no answer; given up", _campaign?.Code, id, take.Count);
                continue;
            }
            _pendingTakes[id] = take with { Deadline = now + _services.Options.TakeTimeout, AskedAgain = true };
            _hopper?.Tell(new HopperProtocol.Take(id, take.Count));
        }
    }

    /// <summary>The leads out of the buffer that the campaign holds: offered to agents and being dialled.</summary>
    private IReadOnlyCollection<LeadId> Held() =>
        _calls.Values.Select(c => c.Lead.Id).Concat(_previews.Values.OfType<LeasedLead>().Select(l => l.Id)).ToList();

    /// <summary>Leads the campaign took but will not dial now: back into the buffer while it dials, else given back at once.</summary>
    private void GiveBack(IReadOnlyList<LeasedLead> leads)
    {
        if (leads.Count == 0) return;
        if (_status == CampaignStatus.Running && !_draining) _hopper?.Tell(new HopperProtocol.Return(leads));
        else foreach (var lead in leads) _hopper?.Tell(new HopperProtocol.Release(lead.Id, LeadRelease.Back));
    }

    private async Task ReleaseBufferAsync()
    {
        if (_hopper is not null) await _hopper.Ask<HopperProtocol.AllReleased>(new HopperProtocol.ReleaseAll(), TimeSpan.FromSeconds(30));
    }

    /// <summary>The node is stopping: no new dials, calls in hand finish; the leads offered or buffered go back. Not persisted: the next run resumes.</summary>
    private async Task DrainAsync()
    {
        _draining = true;
        foreach (var lead in _previews.Values.OfType<LeasedLead>()) _hopper?.Tell(new HopperProtocol.Release(lead.Id, LeadRelease.Back));
        _previews.Clear();
        await GuardAsync("give its leads back", ReleaseBufferAsync, reply: false);
    }

    private void OnInFlight(CallReports.InFlight call)
    {
        if (_calls.ContainsKey(call.Call)) return;
        Context.Watch(call.Call);
        _calls[call.Call] = new CallSlot(call.Lead, call.PlacedAt, call.Answered, Pacing: null, Dial: 0, HeldAgent: null,
            HangsUpOnMachines: _campaign?.Settings.AmdEnabled ?? false);
        if (!call.WaitingForAgent) return;
        _waiting.AddLast(call.Call);
        AssignWaitingCalls();
    }

    /// <summary>Keeps the hopper (its leases are the run's) instead of stopping it; it restarts and gives back what it lost.</summary>
    protected override void PreRestart(Exception reason, object message) => PostStop();

    protected override void PostRestart(Exception reason)
    {
        _log.Error(reason, "Campaign {0} restarted: rebuilding it from the database and its calls", _id);
        if (Context.Child("hopper") is { } hopper && !hopper.IsNobody()) _hopper = hopper;
        Self.Tell(new Rewake());
        PreStart();
    }
}
