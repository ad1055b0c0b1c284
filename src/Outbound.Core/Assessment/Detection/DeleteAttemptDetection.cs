using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment.Detection;

public enum ProtectedFileKind
{
    Recording,
    CustomerFile,
}

/// <summary>Someone asked to delete an original file. The system refuses the deletion and keeps this record.</summary>
public sealed record DeleteAttempt(Guid AttemptId, AgentId By, ProtectedFileKind Kind, string Target, DateTime At);

/// <summary>Rule 7: original files (recordings, customer files) are never deleted; an attempt is proposed as a deduction.</summary>
public static class DeleteAttemptDetection
{
    public static readonly RuleNumber Rule = new(7);
    public const string ReferencePrefix = "delete-attempt:";

    public static DeductionProposal Propose(DeleteAttempt attempt) => new(
        attempt.By, Rule, DateOnly.FromDateTime(attempt.At),
        new Evidence(
            attempt.Kind == ProtectedFileKind.Recording ? EvidenceKind.Recording : EvidenceKind.Manual,
            $"{ReferencePrefix}{attempt.AttemptId}",
            $"{attempt.At:yyyy-MM-dd HH:mm} 试图删除{(attempt.Kind == ProtectedFileKind.Recording ? "录音" : "客户档案")} {attempt.Target},系统已拒绝"));
}
