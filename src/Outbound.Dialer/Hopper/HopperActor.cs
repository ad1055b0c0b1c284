using Akka.Actor;
using Akka.Event;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;

namespace Outbound.Dialer.Hopper;

/// <summary>
/// Keeps a buffer of leads leased from PostgreSQL for one campaign run (lease owner), tops it up,
/// renews the run's leases while it lives and gives leads back. A crashed run simply stops renewing:
/// its leases expire and the next run takes the leads. Leases prefer the regions that answer best at their
/// current local hour (<see cref="BestTimeToCall"/>), from the campaign's contact history, reloaded every
/// <see cref="DialerOptions.BestTimeRefresh"/>; the preference itself is worked out at each lease, so it follows the clock.
/// </summary>
public sealed class HopperActor : ReceiveActor, IWithTimers
{
    private sealed record Renew;
    private sealed record Refill;

    private readonly CampaignId _campaign;
    private readonly TenantId _tenant;
    private readonly string _owner;
    private readonly DialerServices _services;
    private readonly Queue<LeasedLead> _buffer = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _exhausted;
    private bool _idle; // after ReleaseAll (pause, stop) the buffer is not refilled until the next Take
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

        ReceiveAsync<HopperProtocol.Take>(async take =>
        {
            _idle = false;
            if (_buffer.Count < take.Count) await LeaseAsync(take.Count - _buffer.Count + Size / 2);
            var leads = new List<LeasedLead>();
            while (leads.Count < take.Count && _buffer.TryDequeue(out var lead)) leads.Add(lead);
            Sender.Tell(new HopperProtocol.Taken(leads, take.Count));
        });
        ReceiveAsync<HopperProtocol.TakeFor>(async take =>
        {
            _idle = false;
            var own = await _services.Hopper.LeaseAsync(_campaign, _owner, 1, Now, Options.LeaseFor, take.AgentId, await PreferredRegionsAsync());
            var lead = own.Count > 0 ? own[0] : _buffer.TryDequeue(out var buffered) ? buffered : null;
            Sender.Tell(new HopperProtocol.TakenFor(take.AgentId, lead));
        });
        ReceiveAsync<HopperProtocol.Release>(r => _services.Hopper.ReleaseAsync(r.LeadId, _owner, r.How));
        ReceiveAsync<HopperProtocol.ReleaseAll>(async _ =>
        {
            _idle = true;
            var count = _buffer.Count;
            while (_buffer.TryDequeue(out var lead)) await _services.Hopper.ReleaseAsync(lead.Id, _owner, LeadRelease.Back);
            Sender.Tell(new HopperProtocol.AllReleased(count));
        });
        ReceiveAsync<HopperProtocol.CountRefusals>(c => _services.Hopper.CountRefusalsAsync(_tenant, _campaign, Now, c.Counts));
        Receive<HopperProtocol.GetStatus>(_ => Sender.Tell(new HopperProtocol.Status(_buffer.Count, _exhausted)));
        ReceiveAsync<Renew>(_ => _services.Hopper.RenewAsync(_owner, Now, Options.LeaseFor));
        ReceiveAsync<Refill>(async _ =>
        {
            if (!_idle && _buffer.Count < Size / 2) await LeaseAsync(Size - _buffer.Count);
        });
    }

    private DialerOptions Options => _services.Options;
    private int Size => Options.HopperSize;
    private DateTimeOffset Now => _services.Time.GetUtcNow();

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(nameof(Renew), new Renew(), Options.LeaseFor / 3);
        Timers.StartPeriodicTimer(nameof(Refill), new Refill(), TimeSpan.FromSeconds(1));
    }

    private async Task LeaseAsync(int count)
    {
        var leased = await _services.Hopper.LeaseAsync(_campaign, _owner, count, Now, Options.LeaseFor, preferred: await PreferredRegionsAsync());
        foreach (var lead in leased) _buffer.Enqueue(lead);
        _exhausted = leased.Count < count;
        if (leased.Count > 0) _log.Debug("Leased {0} leads for {1}", leased.Count, _campaign);
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
