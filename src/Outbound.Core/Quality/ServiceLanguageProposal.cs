using System.Globalization;
using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Workforce;

namespace Outbound.Core.Quality;

/// <summary>
/// Rule 1 (服务用语不规范, found by recording QA): an evaluation whose "service language" critical item failed proposes the
/// rule as a draft deduction for Hr, with the evaluation as its evidence. The reference makes a second proposal of the
/// same evaluation a no-op.
/// </summary>
public static class ServiceLanguageProposal
{
    public static readonly RuleNumber Rule = new(1);

    public static string Reference(Guid evaluation) => $"qa-evaluation:{evaluation}";

    public static DeductionProposal Propose(Guid evaluation, AgentId agent, DateOnly callDay, decimal score, string item, string campaign) =>
        new(agent, Rule, callDay, new Evidence(EvidenceKind.Recording, Reference(evaluation),
            $"质检评估 {evaluation}:项目 {campaign} {callDay:yyyy-MM-dd} 通话,致命项「{item}」未通过,得分 {score.ToString("0.##", CultureInfo.InvariantCulture)}"));
}
