using Outbound.Core.Pacing;

namespace Outbound.Core.Simulation;

/// <summary>
/// A finished simulation: the bench row and the counts behind it. <see cref="LeadsLeft"/> is null for an endless list;
/// <see cref="SecondsByMode"/> says how long the governor kept each pacing mode; <see cref="DetectorOffAt"/> when (seconds
/// into the shift) it turned detection off, if it did.
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
}
