using Akka.Actor;
using Akka.Event;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;

namespace Outbound.Dialer.Hopper;

/// <summary>
/// Keeps a buffer of leads leased from PostgreSQL for one campaign run (lease owner), tops it up, renews the leases
/// of exactly what the run holds (its campaign says which leads it has out) and gives leads back. A crashed run simply
/// stops renewing: its leases expire and the next run takes the leads. Leases prefer the regions that answer best at their
/// current local hour (<see cref="BestTimeToCall"/>), from the campaign's contact history, reloaded every
/// <see cref="DialerOptions.BestTimeRefresh"/>; the preference itself is worked out at each lease, so it follows the clock.
/// A database error never stops the hopper: it answers with what it has, and a take asked again gets the same answer.
/// </summary>
public sealed class HopperActor : ReceiveActor, IWithTimers
{
    private sealed record Refill;

    /// <summary>Answers to the latest takes, so that a take asked again is answered with the same leads (idempotent).</summary>
    private const int RememberedTakes = 32;

    private readonly CampaignId _campaign;
    private readonly TenantId _tenant;
    private readonly string _owner;
    private readonly DialerServices _services;
    private readonly LinkedList<LeasedLead> _buffer = new();
    private readonly Dictionary<long, HopperProtocol.Taken> _answered = [];
    private readonly Queue<long> _answeredOrder = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _exhausted;
    private bool _idle; // after ReleaseAll (pause, stop) the buffer is not refilled until the next Take
    private bool _restarted; // the buffer was lost: what the run holds beyond the campaign's calls is given back at the next renewal
    private IReadOnlyList<RegionHourContacts> _contactHistory = [];
    private DateTimeOffset? _contactHistoryAt;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CampaignId campaign, TenantId tenant, string owner, DialerServices services) =>
        Akka.Actor.Props.Create(() => new HopperActor(campaign, tenant, owner, services));

    public HopperActor(CampaignId campaign, TenantId tenant, string owner, DialerServices services)
    {
        _campaign = campaign;
        _tenant = tenant;
        _owner = owner;
        _services = services;

        ReceiveAsync<HopperProtocol.Take>(OnTakeAsync);
        ReceiveAsync<HopperProtocol.TakeFor>(async take =>
        {
            _idle = false;
            LeasedLead? lead = null;
            await TryAsync("lease for an agent", async () =>
            {
                var own = await _services.Hopper.LeaseAsync(_campaign, _owner, 1, Now, Options.LeaseFor, take.AgentId, await PreferredRegionsAsync());
                lead = own.Count > 0 ? own[0] : null;
            });
            lead ??= Dequeue();
            Sender.Tell(new HopperProtocol.TakenFor(take.AgentId, lead));
        });
        Receive<HopperProtocol.Return>(r =>
        {
            foreach (var lead in r.Leads.Reverse()) _buffer.AddFirst(lead);
        });
        ReceiveAsync<HopperProtocol.Release>(r => TryAsync("release a lead", () => _services.Hopper.ReleaseAsync(r.LeadId, _owner, r.How)));
        ReceiveAsync<HopperProtocol.ReleaseAll>(async _ =>
        {
            _idle = true;
            var count = _buffer.Count;
            // A lead that cannot be given back now is simply not renewed: its lease runs out.
            while (Dequeue() is { } lead)
                await TryAsync("release a lead", () => _services.Hopper.ReleaseAsync(lead.Id, _owner, LeadRelease.Back));
            Sender.Tell(new HopperProtocol.AllReleased(count));
        });
        ReceiveAsync<HopperProtocol.CountRefusals>(c =>
            TryAsync("count refusals", () => _services.Hopper.CountRefusalsAsync(_tenant, _campaign, Now, c.Counts)));
        Receive<HopperProtocol.GetStatus>(_ => Sender.Tell(new HopperProtocol.Status(_buffer.Count, _exhausted)));
        ReceiveAsync<HopperProtocol.Renew>(OnRenewAsync);
        ReceiveAsync<Refill>(async _ =>
        {
            if (!_idle && _buffer.Count < Size / 2 && _services.Health.IsUp) await TryAsync("refill", () => LeaseAsync(Size - _buffer.Count));
        });
    }

    private DialerOptions Options => _services.Options;
    private int Size => Options.HopperSize;
    private DateTimeOffset Now => _services.Time.GetUtcNow();

    protected override void PreStart() => Timers.StartPeriodicTimer(nameof(Refill), new Refill(), TimeSpan.FromSeconds(1));

    /// <summary>Restarted after a failure: the buffer is gone, and the leads it held are given back at the next renewal.</summary>
    protected override void PostRestart(Exception reason)
    {
        _restarted = true;
        base.PostRestart(reason);
    }

    private async Task OnTakeAsync(HopperProtocol.Take take)
    {
        if (_answered.TryGetValue(take.TakeId, out var answered))
        {
            Sender.Tell(answered with { Repeat = true });
            return;
        }
        _idle = false;
        if (_buffer.Count < take.Count && _services.Health.IsUp)
            await TryAsync("lease", () => LeaseAsync(take.Count - _buffer.Count + Size / 2));
        var leads = new List<LeasedLead>();
        while (leads.Count < take.Count && Dequeue() is { } lead) leads.Add(lead);
        var taken = new HopperProtocol.Taken(take.TakeId, leads, take.Count);
        Remember(taken);
        Sender.Tell(taken);
    }

    private void Remember(HopperProtocol.Taken taken)
    {
        _answered[taken.TakeId] = taken;
        _answeredOrder.Enqueue(taken.TakeId);
        while (_answeredOrder.Count > RememberedTakes) _answered.Remove(_answeredOrder.Dequeue());
    }

    /// <summary>
    /// Renews what the campaign holds and the buffer. Buffered leads that are no longer the run's (their lease ran out
    /// during an outage and another run took them) leave the buffer. After a restart, leases the run holds beyond
    /// those are given back: they were in the lost buffer.
    /// </summary>
    private async Task OnRenewAsync(HopperProtocol.Renew renew)
    {
        var held = renew.Held.Concat(_buffer.Select(l => l.Id)).ToHashSet();
        await TryAsync("renew leases", async () =>
        {
            if (_restarted)
            {
                var released = await _services.Hopper.ReleaseAllExceptAsync(_owner, held);
                if (released > 0) _log.Info("Hopper of {0} restarted: gave back {1} leads of its lost buffer", _campaign, released);
                _restarted = false;
            }
            var renewed = await _services.Hopper.RenewAsync(_owner, held, Now, Options.LeaseFor);
            var lost = _buffer.Where(l => !renewed.Contains(l.Id)).ToList();
            foreach (var lead in lost) _buffer.Remove(lead);
            if (lost.Count > 0) _log.Info("Hopper of {0}: {1} buffered leads are no longer leased to this run", _campaign, lost.Count);
        });
    }

    private LeasedLead? Dequeue()
    {
        if (_buffer.First is not { } first) return null;
        _buffer.RemoveFirst();
        return first.Value;
    }

    private async Task LeaseAsync(int count)
    {
        var leased = await _services.Hopper.LeaseAsync(_campaign, _owner, count, Now, Options.LeaseFor, preferred: await PreferredRegionsAsync());
        foreach (var lead in leased) _buffer.AddLast(lead);
        _exhausted = leased.Count < count;
        if (leased.Count > 0) _log.Debug("Leased {0} leads for {1}", leased.Count, _campaign);
    }

    /// <summary>A database step that may fail: an outage is noted and logged, and the hopper goes on with what it has.</summary>
    private async Task TryAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (_services.Health.Failed(e))
        {
            _log.Warning("Hopper of {0} could not {1}, the database is away: {2}", _campaign, what, e.Message);
        }
        catch (Exception e)
        {
            _log.Error(e, "Hopper of {0} could not {1}", _campaign, what);
        }
    }

    /// <summary>The regions to dial first now; the history is loaded at the first lease and then every refresh interval.</summary>
    private async Task<IReadOnlyCollection<RegionZone>> PreferredRegionsAsync()
    {
        var now = Now;
        if (_contactHistoryAt is not { } at || now - at >= Options.BestTimeRefresh)
        {
            var rules = BestTimeRules.Default;
            _contactHistory = await _services.Hopper.ContactHistoryAsync(_campaign, now - TimeSpan.FromDays(rules.LookbackDays));
            _contactHistoryAt = now;
        }
        return BestTimeToCall.PreferredNow(_contactHistory, Instant.FromDateTimeOffset(now));
    }
}
