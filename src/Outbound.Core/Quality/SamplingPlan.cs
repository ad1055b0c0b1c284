namespace Outbound.Core.Quality;

/// <summary>The period a sampling plan covers: a calendar month (the default) or an ISO week, as local days.</summary>
public sealed record PlanPeriod(DateOnly From, DateOnly To, PlanPeriodKind Kind)
{
    public static PlanPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(first, first.AddMonths(1).AddDays(-1), PlanPeriodKind.Month);
    }

    /// <summary>The Monday-to-Sunday week holding <paramref name="day"/>.</summary>
    public static PlanPeriod WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(monday, monday.AddDays(6), PlanPeriodKind.Week);
    }

    public override string ToString() => Kind == PlanPeriodKind.Month ? From.ToString("yyyy-MM") : $"{From:yyyy-MM-dd}/{To:yyyy-MM-dd}";
}

public enum PlanPeriodKind
{
    Month,
    Week,
}

/// <summary>
/// What a plan (抽检计划) asks for: <see cref="PerAgent"/> random calls per agent, stratified by disposition and talk
/// time band, skipping calls shorter than <see cref="MinTalkSeconds"/>; then every call a targeted rule catches, on top.
/// An agent with fewer eligible calls than asked refuses the plan unless <see cref="TakeAllWhenShort"/>.
/// </summary>
public sealed record SamplingSettings
{
    public int PerAgent { get; init; } = 10;
    public int MinTalkSeconds { get; init; } = 30;
    /// <summary>Upper bounds (seconds) of the talk time bands; the last band is open. Default: &lt;1, 1–3, 3–10, ≥10 minutes.</summary>
    public IReadOnlyList<int> TalkBandBounds { get; init; } = [60, 180, 600];
    /// <summary>Dispositions that are complaints: every such call is added.</summary>
    public IReadOnlyList<string> ComplaintDispositions { get; init; } = [];
    /// <summary>Every call longer than this many minutes is added; null: no such rule.</summary>
    public int? LongCallMinutes { get; init; }
    /// <summary>Every call that lasted less than this many seconds once connected (the agent hung up or passed it on at once) is added; null: no such rule.</summary>
    public int? ShortCallSeconds { get; init; }
    public bool TakeAllWhenShort { get; init; }

    public const int MaxPerAgent = 200;

    public IReadOnlyList<SamplingProblem> Problems()
    {
        var problems = new List<SamplingProblem>();
        if (PerAgent is < 1 or > MaxPerAgent) problems.Add(SamplingProblem.PerAgentRange);
        if (MinTalkSeconds is < 0 or > 3600) problems.Add(SamplingProblem.MinTalkRange);
        if (TalkBandBounds.Any(b => b <= 0) || TalkBandBounds.Zip(TalkBandBounds.Skip(1)).Any(p => p.First >= p.Second))
            problems.Add(SamplingProblem.BandsNotAscending);
        if (LongCallMinutes is < 1 or > 600) problems.Add(SamplingProblem.LongCallRange);
        if (ShortCallSeconds is < 1 or > 600) problems.Add(SamplingProblem.ShortCallRange);
        return problems;
    }

    /// <summary>The talk time band of a call: 0 for the shortest.</summary>
    public int BandOf(int talkSeconds)
    {
        var band = 0;
        while (band < TalkBandBounds.Count && talkSeconds >= TalkBandBounds[band]) band++;
        return band;
    }
}

public enum SamplingProblem
{
    PerAgentRange,
    MinTalkRange,
    BandsNotAscending,
    LongCallRange,
    ShortCallRange,
}

/// <summary>A call the sampler may pick: an agent-connected, recorded call of the period, with its talk time in seconds.</summary>
public readonly record struct SampleCandidate(Guid CallId, string Agent, string? Disposition, int TalkSeconds);

/// <summary>Why a call is in the sample.</summary>
public enum SampleReason
{
    Random,
    Complaint,
    LongCall,
    ShortCall,
}

public sealed record SampledCall(Guid CallId, string Agent, SampleReason Reason, string Stratum);

/// <summary>An agent with fewer eligible calls than the plan asks for.</summary>
public sealed record ShortAgent(string Agent, int Eligible, int Asked);

public sealed record SampleResult(IReadOnlyList<SampledCall> Calls, IReadOnlyList<ShortAgent> Short, int Agents, int Candidates)
{
    public bool Refused => Calls.Count == 0 && Short.Count > 0;
}
