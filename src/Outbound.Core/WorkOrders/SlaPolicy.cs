namespace Outbound.Core.WorkOrders;

/// <summary>Which SLA target a timer is for.</summary>
public enum SlaTarget { FirstResponse, NextUpdate, Resolution }

/// <summary>Why an SLA policy is refused; the web words the codes.</summary>
public enum SlaPolicyProblem { FirstResponseNotPositive, NextUpdateNotPositive, ResolutionNotPositive, WarningNotPositive, WarningNotBeforeTargets }

/// <summary>
/// The SLA of one order type at one priority, in business time: first response (someone of the handling side acts),
/// next update (the longest silence allowed once work has started), resolution; and how long before a breach
/// the assignee is warned.
/// </summary>
public sealed record SlaPolicy(TimeSpan FirstResponse, TimeSpan NextUpdate, TimeSpan Resolution, TimeSpan WarnBefore)
{
    public static IReadOnlyList<SlaPolicyProblem> Validate(TimeSpan firstResponse, TimeSpan nextUpdate, TimeSpan resolution, TimeSpan warnBefore)
    {
        var problems = new List<SlaPolicyProblem>();
        if (firstResponse <= TimeSpan.Zero) problems.Add(SlaPolicyProblem.FirstResponseNotPositive);
        if (nextUpdate <= TimeSpan.Zero) problems.Add(SlaPolicyProblem.NextUpdateNotPositive);
        if (resolution <= TimeSpan.Zero) problems.Add(SlaPolicyProblem.ResolutionNotPositive);
        if (warnBefore <= TimeSpan.Zero) problems.Add(SlaPolicyProblem.WarningNotPositive);
        else if (problems.Count == 0 && warnBefore >= new[] { firstResponse, nextUpdate, resolution }.Min())
            problems.Add(SlaPolicyProblem.WarningNotBeforeTargets);
        return problems;
    }

    public IReadOnlyList<SlaPolicyProblem> Problems => Validate(FirstResponse, NextUpdate, Resolution, WarnBefore);

    public TimeSpan Of(SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => FirstResponse,
        SlaTarget.NextUpdate => NextUpdate,
        _ => Resolution,
    };
}
