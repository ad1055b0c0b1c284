using Outbound.Core.Pacing;

namespace Outbound.Core.Simulation;

/// <summary>
/// A finished simulation: the bench row and the counts behind it. <see cref="LeadsLeft"/> is null for an endless list;
/// <see cref="SecondsByMode"/> says how long the governor kept each pacing mode; <see cref="DetectorOffAt"/> when (seconds
/// into the shift) it turned detection off, if it did; <see cref="Notices"/> what the manager was told, in order (the live
/// mode's, read back from the campaign's stored notices).
/// </summary>
public sealed record PacingRun(
    PacingResultRow Row,
    int Abandoned,
    int AmdFalsePositives,
    int InformationMessages,
    double TalkSeconds,
    int? LeadsLeft)
{
    public IReadOnlyDictionary<PacingMode, double> SecondsByMode { get; init; } = new Dictionary<PacingMode, double>();
    public double? DetectorOffAt { get; init; }
    public IReadOnlyList<PacingNotice> Notices { get; init; } = [];

    /// <summary>Equal runs have equal counts and spent equal time in each mode (the dictionary compared by content).</summary>
    public bool Equals(PacingRun? other) =>
        other is not null && Row == other.Row && Abandoned == other.Abandoned && AmdFalsePositives == other.AmdFalsePositives
        && InformationMessages == other.InformationMessages && TalkSeconds.Equals(other.TalkSeconds) && LeadsLeft == other.LeadsLeft
        && DetectorOffAt == other.DetectorOffAt
        && SecondsByMode.OrderBy(m => m.Key).SequenceEqual(other.SecondsByMode.OrderBy(m => m.Key));

    public override int GetHashCode() => HashCode.Combine(Row, Abandoned, AmdFalsePositives, InformationMessages, TalkSeconds, LeadsLeft);
}
