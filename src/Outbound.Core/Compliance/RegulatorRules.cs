using NodaTime;
using Outbound.Core.Campaigns;

namespace Outbound.Core.Compliance;

/// <summary>
/// What a regulator demands, as data. A campaign's own settings may be stricter, never looser:
/// <see cref="CompliancePolicy"/> combines the two.
/// </summary>
/// <param name="DailyWindowStart">Earliest local time of day a call may start.</param>
/// <param name="DailyWindowEnd">Local time of day from which no call may start (exclusive).</param>
/// <param name="MaxUnansweredPerDay">Unanswered attempts to one number per local day; null when unlimited.</param>
/// <param name="NoRepeatAfterAbandon">Quiet period after an abandoned call to the same number; null when none.</param>
/// <param name="AbandonCap">Largest share of live calls that may be abandoned in <paramref name="AbandonWindow"/>.</param>
/// <param name="MinRingSeconds">Shortest time a call must ring before the dialer gives up.</param>
/// <param name="CountAmdFalsePositives">Whether humans hung up on as machines count as abandons.</param>
public sealed record RegulatorRules(
    RegulatorPreset Preset,
    LocalTime DailyWindowStart,
    LocalTime DailyWindowEnd,
    int? MaxUnansweredPerDay,
    Duration? NoRepeatAfterAbandon,
    decimal AbandonCap,
    Duration AbandonWindow,
    int MinRingSeconds,
    bool CountAmdFalsePositives)
{
    /// <summary>China Banking Association consumer-loan collections guideline (2026).</summary>
    public static RegulatorRules CnConsumerCollections { get; } = new(
        RegulatorPreset.CnConsumerCollections, new LocalTime(8, 0), new LocalTime(22, 0),
        MaxUnansweredPerDay: 6, NoRepeatAfterAbandon: null,
        AbandonCap: 0.03m, AbandonWindow: Duration.FromHours(24), MinRingSeconds: 0, CountAmdFalsePositives: false);

    /// <summary>US Telemarketing Sales Rule, 16 CFR 310.4.</summary>
    public static RegulatorRules UsTsr { get; } = new(
        RegulatorPreset.UsTsr, new LocalTime(8, 0), new LocalTime(21, 0),
        MaxUnansweredPerDay: null, NoRepeatAfterAbandon: null,
        AbandonCap: 0.03m, AbandonWindow: Duration.FromDays(30), MinRingSeconds: 15, CountAmdFalsePositives: false);

    /// <summary>UK Ofcom persistent-misuse policy statement (no statutory hours; the campaign's windows apply).</summary>
    public static RegulatorRules UkOfcom { get; } = new(
        RegulatorPreset.UkOfcom, LocalTime.Midnight, LocalTime.MaxValue,
        MaxUnansweredPerDay: null, NoRepeatAfterAbandon: Duration.FromHours(72),
        AbandonCap: 0.03m, AbandonWindow: Duration.FromHours(24), MinRingSeconds: 15, CountAmdFalsePositives: true);

    /// <summary>No regulator floor: the campaign's own windows and limits alone apply.</summary>
    public static RegulatorRules Custom { get; } = new(
        RegulatorPreset.Custom, LocalTime.Midnight, LocalTime.MaxValue,
        MaxUnansweredPerDay: null, NoRepeatAfterAbandon: null,
        AbandonCap: 0.03m, AbandonWindow: Duration.FromHours(24), MinRingSeconds: 0, CountAmdFalsePositives: false);

    public static RegulatorRules For(RegulatorPreset preset) => preset switch
    {
        RegulatorPreset.CnConsumerCollections => CnConsumerCollections,
        RegulatorPreset.UsTsr => UsTsr,
        RegulatorPreset.UkOfcom => UkOfcom,
        RegulatorPreset.Custom => Custom,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    /// <summary>True when a call may start at this local time of day under the regulator's hours.</summary>
    public bool AllowsTimeOfDay(LocalTime time) =>
        time >= DailyWindowStart && (DailyWindowEnd == LocalTime.MaxValue || time < DailyWindowEnd);
}
