namespace Outbound.Core.Simulation;

/// <summary>A finished simulation: the bench row and the counts behind it.</summary>
public sealed record PacingRun(
    PacingResultRow Row,
    int Abandoned,
    int AmdFalsePositives,
    int InformationMessages,
    double TalkSeconds,
    int LeadsLeft);
