using NodaTime;

namespace Outbound.Core.Campaigns;

/// <summary>
/// The limits a regulator preset puts on a campaign's settings: the local hours calls may be placed in,
/// the highest abandon cap and the longest measuring window. <see cref="RegulatorPreset.Custom"/> only keeps
/// the platform's own bounds.
/// </summary>
public sealed record RegulatorPresetRules(LocalTime EarliestCall, LocalTime LatestCall, decimal MaxAbandonCap, int MaxWindowHours)
{
    public static RegulatorPresetRules For(RegulatorPreset preset) => preset switch
    {
        // CBA collections guideline: no calls between 22:00 and 08:00.
        RegulatorPreset.CnConsumerCollections => new(new LocalTime(8, 0), new LocalTime(22, 0), 0.03m, 24),
        // TSR: 08:00–21:00 local time, 3 % measured per campaign over 30 days.
        RegulatorPreset.UsTsr => new(new LocalTime(8, 0), new LocalTime(21, 0), 0.03m, 720),
        // Ofcom: 3 % per 24 hours; no statutory hours.
        RegulatorPreset.UkOfcom => new(LocalTime.Midnight, LocalTime.MaxValue, 0.03m, 24),
        _ => new(LocalTime.Midnight, LocalTime.MaxValue, 0.05m, 720),
    };
}
