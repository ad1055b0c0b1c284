using NodaTime;

namespace Outbound.Core.Compliance;

/// <summary>The answer to "may this lead be dialled now?".</summary>
public abstract record ComplianceDecision
{
    public sealed record Allowed : ComplianceDecision;

    /// <param name="RetryAt">When the refusal stops applying, if it ever does: the lead may be leased again then.</param>
    public sealed record Refused(RefusalReason Reason, Instant? RetryAt = null) : ComplianceDecision;

    public static ComplianceDecision Allow { get; } = new Allowed();

    public bool IsAllowed => this is Allowed;
}
