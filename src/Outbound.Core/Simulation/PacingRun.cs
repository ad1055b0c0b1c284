namespace Outbound.Core.Simulation;

/// <summary>A finished simulation: the bench row and the counts behind it. <see cref="LeadsLeft"/> is null for an endless list.</summary>
public sealed record PacingRun(
    PacingResultRow Row,
    int Abandoned,
    int AmdFalsePositives,
    int InformationMessages,
    double TalkSeconds,
    int? LeadsLeft);
