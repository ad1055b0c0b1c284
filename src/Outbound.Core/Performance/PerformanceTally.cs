using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Collections;
using Outbound.Core.WorkOrders;

namespace Outbound.Core.Performance;

/// <summary>
/// Counts a campaign's calls, promises and survey responses one at a time and yields
/// <see cref="PerformanceFigures"/>: the single definition of every client-facing metric (see there).
/// Streaming keeps a month of 200,000 records out of memory; call order does not matter.
/// </summary>
public sealed class PerformanceTally
{
    private readonly Dictionary<string, Disposition> _dispositions;
    private readonly decimal _abandonCap;
    private readonly DateTimeZone _zone;
    private readonly DateOnly _asOf;
    private readonly TimeSpan _serviceLevelThreshold;

    private long _attempts, _answered, _connects, _handleCount;
    private TimeSpan _handle;
    private Ratio _contact, _rightParty;
    private readonly HashSet<long> _leads = [];
    private readonly Dictionary<CallOutcome, long> _outcomes = [];
    private readonly Dictionary<string, long> _dispositionCounts = [];
    private readonly SortedDictionary<DateOnly, Ratio> _abandonByDay = [];
    private Ratio _firstContactResolution;
    private readonly Dictionary<string, AgentTally> _agents = [];
    private readonly ContactHeatMap _heatMap = new();
    private readonly int _promiseGraceDays;
    private readonly Dictionary<string, Ratio> _byRegion = [];
    public const string UnknownRegion = "—";
    private long _promises, _responses, _completed;
    private decimal _promised, _keptAmount;
    private Ratio _kept;
    private readonly Dictionary<string, Dictionary<string, long>> _answers = [];
    private long _inOffered, _inAnswered, _inAbandoned, _inHandleCount;
    private long _inWithinThreshold;
    private TimeSpan _inWait, _inHandle;

    /// <param name="zone">The call centre's zone: calendar days and weekdays are taken in it.</param>
    /// <param name="asOf">The day the report is made: promises due (plus grace) before it are known kept or broken.</param>
    /// <param name="promiseGraceDays">Days after a promise's due day in which a payment still keeps it (see <see cref="PromiseKeeping"/>).</param>
    public PerformanceTally(IEnumerable<Disposition> dispositions, decimal abandonCap, DateTimeZone zone, DateOnly asOf,
        TimeSpan? serviceLevelThreshold = null, int promiseGraceDays = 0)
    {
        _promiseGraceDays = promiseGraceDays;
        _dispositions = dispositions.ToDictionary(d => d.Code);
        _abandonCap = abandonCap;
        _zone = zone;
        _asOf = asOf;
        _serviceLevelThreshold = serviceLevelThreshold ?? TimeSpan.FromSeconds(20);
    }

    public void Add(CallFact call)
    {
        var definition = call.Disposition is { } code ? _dispositions.GetValueOrDefault(code) : null;
        var contact = call.ConnectedToAgent && (definition?.IsContact ?? true);
        var rightParty = contact && (definition?.IsRightPartyContact ?? false);
        if (call.ConnectedToAgent)
        {
            _handle += call.Handle;
            _handleCount++;
            AgentOf(call.Agent)?.Add(call, contact, rightParty);
        }
        if (call.Inbound) { AddInbound(call); return; }

        _attempts++;
        _leads.Add(call.LeadId);
        if (call.AnsweredAt is not null) _answered++;
        if (call.ConnectedToAgent) _connects++;
        _outcomes[call.Outcome] = _outcomes.GetValueOrDefault(call.Outcome) + 1;
        if (call.Disposition is { } d) _dispositionCounts[d] = _dispositionCounts.GetValueOrDefault(d) + 1;
        _contact = _contact.Add(contact);
        if (contact) _rightParty = _rightParty.Add(rightParty);

        var local = Instant.FromDateTimeOffset(call.StartedAt).InZone(_zone);
        if (call.Abandoned || call.ConnectedToAgent)
        {
            var day = DateOnly.FromDateTime(local.Date.ToDateTimeUnspecified());
            _abandonByDay[day] = _abandonByDay.GetValueOrDefault(day).Add(call.Abandoned);
        }
        _heatMap.Add(local.DayOfWeek, call.LocalHour ?? local.Hour, contact);
        var region = call.Region ?? UnknownRegion;
        _byRegion[region] = _byRegion.GetValueOrDefault(region).Add(contact);
    }

    /// <summary>A contact and what followed it from the same number: first-contact resolution as <see cref="ServiceMetrics"/> defines it.</summary>
    public void Add(ContactFact contact) => _firstContactResolution = _firstContactResolution.Add(ServiceMetrics.ResolvedAtFirstContact(contact));

    public void Add(PromiseFact promise)
    {
        _promises++;
        _promised += promise.Amount;
        var lastDay = PromiseKeeping.LastDay(promise.DueOn, _promiseGraceDays);
        var kept = promise.KeptOn is { } on && on <= lastDay;
        if (kept) _keptAmount += promise.Amount;
        if (kept || lastDay < _asOf) _kept = _kept.Add(kept);
        if (AgentOf(promise.Agent) is { } agent)
        {
            agent.Promises++;
            agent.PromisedAmount += promise.Amount;
        }
    }

    public void Add(SurveyResponseFact response)
    {
        _responses++;
        if (response.Completed) _completed++;
        // A multiple-choice answer counts once for each option chosen.
        foreach (var (question, given) in response.Answers)
        {
            if (!_answers.TryGetValue(question, out var counts)) _answers[question] = counts = [];
            foreach (var answer in given) counts[answer] = counts.GetValueOrDefault(answer) + 1;
        }
    }

    public PerformanceFigures Result() => new(
        _attempts,
        _leads.Count,
        _answered,
        _connects,
        _contact,
        _rightParty,
        new Dictionary<CallOutcome, long>(_outcomes),
        new Dictionary<string, long>(_dispositionCounts),
        _abandonByDay.Select(d => new DailyAbandon(d.Key, d.Value, _abandonCap)).ToList(),
        _abandonCap,
        new PromiseFigures(_promises, _promised, _kept, _keptAmount),
        new SurveyFigures(_responses, new Ratio(_completed, _rightParty.Part),
            _answers.ToDictionary(q => q.Key, q => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(q.Value))),
        new InboundFigures(_inOffered, _inAnswered, _inAbandoned, new Ratio(_inWithinThreshold, _inOffered), _serviceLevelThreshold,
            Mean(_inWait, _inAnswered), Mean(_inHandle, _inHandleCount), new Ratio(_inAbandoned, _inOffered)),
        _firstContactResolution,
        Mean(_handle, _handleCount),
        _agents.Values.OrderByDescending(a => a.Connects).ThenBy(a => a.Agent, StringComparer.Ordinal).Select(a => a.Figures()).ToList(),
        _heatMap,
        new Dictionary<string, Ratio>(_byRegion));

    private void AddInbound(CallFact call)
    {
        if (!call.ConnectedToAgent && !call.Abandoned) return; // not offered to the queue (e.g. failed in the IVR)
        _inOffered++;
        if (call.Abandoned && !call.ConnectedToAgent) { _inAbandoned++; return; }
        _inAnswered++;
        var wait = call.ConnectedAt!.Value - call.StartedAt;
        _inWait += wait;
        if (wait <= _serviceLevelThreshold) _inWithinThreshold++;
        _inHandle += call.Handle;
        _inHandleCount++;
    }

    private AgentTally? AgentOf(string? agent)
    {
        if (agent is null) return null;
        if (!_agents.TryGetValue(agent, out var tally)) _agents[agent] = tally = new AgentTally(agent);
        return tally;
    }

    private static TimeSpan Mean(TimeSpan total, long count) => count == 0 ? TimeSpan.Zero : total / count;

    private sealed class AgentTally(string agent)
    {
        public string Agent { get; } = agent;
        public long Connects { get; private set; }
        public long Promises { get; set; }
        public decimal PromisedAmount { get; set; }
        private long _contacts, _rightParty;
        private TimeSpan _talk, _handle;

        public void Add(CallFact call, bool contact, bool rightParty)
        {
            Connects++;
            if (contact) _contacts++;
            if (rightParty) _rightParty++;
            _talk += call.Talk;
            _handle += call.Handle;
        }

        public AgentFigures Figures() => new(Agent, Connects, _contacts, _rightParty, _talk, Mean(_handle, Connects), Promises, PromisedAmount);
    }
}
