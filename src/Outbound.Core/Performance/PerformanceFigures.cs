using Outbound.Core.Campaigns;

namespace Outbound.Core.Performance;

/// <summary>
/// A campaign's figures over a period, each defined once in <see cref="PerformanceTally"/>:
/// <list type="bullet">
/// <item>contact rate = calls with a live contact / attempts; a contact is a call connected to an agent
/// whose disposition is a contact (or has none yet);</item>
/// <item>contact rate by region: the same, per the lead's region (part 九: "afternoon calls reach more debtors in region X");</item>
/// <item>right-party-contact rate = right-party contacts / contacts;</item>
/// <item>abandon rate per day = abandoned / (abandoned + connected to an agent), against the campaign cap;</item>
/// <item>promise kept rate = kept / promises whose due day has passed or that were kept;</item>
/// <item>survey completion rate = completed questionnaires / right-party contacts;</item>
/// <item>inbound service level = answered within the threshold / offered (answered + abandoned);
/// ASA = mean queue wait of answered calls; AHT = mean talk + after-call work; abandon = abandoned / offered;</item>
/// <item>first-contact resolution (一次解决率) = contacts after which the number made no further contact and got no
/// work order within 7 days / contacts (defined once in <see cref="WorkOrders.ServiceMetrics"/>).</item>
/// </list>
/// </summary>
public sealed record PerformanceFigures(
    long Attempts,
    long Leads,
    long Answered,
    long Connects,
    Ratio ContactRate,
    Ratio RightPartyContactRate,
    IReadOnlyDictionary<CallOutcome, long> Outcomes,
    IReadOnlyDictionary<string, long> Dispositions,
    IReadOnlyList<DailyAbandon> AbandonByDay,
    decimal AbandonCap,
    PromiseFigures Promises,
    SurveyFigures Survey,
    InboundFigures Inbound,
    Ratio FirstContactResolution,
    TimeSpan AverageHandleTime,
    IReadOnlyList<AgentFigures> Agents,
    ContactHeatMap HeatMap,
    IReadOnlyDictionary<string, Ratio> ContactRateByRegion)
{
    public Ratio AbandonRate => AbandonByDay.Aggregate(new Ratio(0, 0), (sum, d) => sum + d.Rate);
}

public sealed record DailyAbandon(DateOnly Day, Ratio Rate, decimal Cap)
{
    public bool OverCap => Rate.Value is { } v && (decimal)v > Cap;
}

public sealed record PromiseFigures(long Count, decimal Amount, Ratio KeptRate, decimal KeptAmount);

public sealed record SurveyFigures(long Responses, Ratio CompletionRate, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> AnswersByQuestion);

public sealed record InboundFigures(long Offered, long AnsweredCalls, long AbandonedCalls, Ratio ServiceLevel, TimeSpan ServiceLevelThreshold,
    TimeSpan AverageSpeedOfAnswer, TimeSpan AverageHandleTime, Ratio AbandonRate);

public sealed record AgentFigures(string Agent, long Connects, long Contacts, long RightPartyContacts, TimeSpan TalkTime, TimeSpan AverageHandleTime,
    long Promises, decimal PromisedAmount);
