using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment;

public enum DeductionAction
{
    Confirm,
    Appeal,
    Uphold,
    Void,
}

/// <summary>An allowed change of state, as it goes into the audit trail.</summary>
public sealed record DeductionTransition(DeductionState From, DeductionState To, DeductionAction Action, AgentId ActorId, string? Reason);

/// <summary>The outcome of asking for a change: the transition, or why it is refused.</summary>
public sealed record DeductionDecision(DeductionTransition? Transition, LocalizedText? Refusal)
{
    public bool Allowed => Transition is not null;
}

/// <summary>
/// Who may move a deduction where. Hr confirms, upholds and voids; only the agent the deduction is
/// against may appeal, and only a confirmed one; Hr may not decide on a deduction against themself.
/// Appeals, upholds and voids need a reason, because the audit trail has to explain them.
/// </summary>
public static class DeductionWorkflow
{
    public static DeductionDecision Decide(DeductionState from, DeductionAction action, AssessmentActor actor,
        AgentId deductionAgent, string? reason)
    {
        var target = (from, action) switch
        {
            (DeductionState.Draft, DeductionAction.Confirm) => DeductionState.Confirmed,
            (DeductionState.Draft, DeductionAction.Void) => DeductionState.Voided,
            (DeductionState.Confirmed, DeductionAction.Appeal) => DeductionState.Appealed,
            (DeductionState.Appealed, DeductionAction.Uphold) => DeductionState.Upheld,
            (DeductionState.Appealed, DeductionAction.Void) => DeductionState.Voided,
            _ => (DeductionState?)null,
        };
        if (target is null)
            return Refuse(new($"{StateName(from)}的扣分不能{ActionName(action)}。", $"A {from.Code()} deduction cannot be {Past(action)}."));

        if (action == DeductionAction.Appeal)
        {
            if (actor.Id != deductionAgent) return Refuse(new("只有被扣分的坐席本人可以申诉。", "Only the agent the deduction is against may appeal it."));
        }
        else
        {
            if (actor.Role != AssessmentRole.Hr)
                return Refuse(new($"只有人事可以{ActionName(action)}扣分。", $"Only Hr may {action.ToString().ToLowerInvariant()} a deduction."));
            if (actor.Id == deductionAgent) return Refuse(new("人事不能处理针对自己的扣分。", "Hr may not decide on a deduction against themself."));
        }

        var needsReason = action is DeductionAction.Appeal or DeductionAction.Uphold or DeductionAction.Void;
        if (needsReason && string.IsNullOrWhiteSpace(reason)) return Refuse(new("请填写理由。", "A reason is required."));

        return new DeductionDecision(new DeductionTransition(from, target.Value, action, actor.Id, reason?.Trim()), null);
    }

    private static DeductionDecision Refuse(LocalizedText why) => new(null, why);

    private static string ActionName(DeductionAction action) => action switch
    {
        DeductionAction.Confirm => "确认",
        DeductionAction.Appeal => "申诉",
        DeductionAction.Uphold => "维持",
        _ => "撤销",
    };

    private static string StateName(DeductionState state) => state switch
    {
        DeductionState.Draft => "草稿",
        DeductionState.Confirmed => "已确认",
        DeductionState.Appealed => "申诉中",
        DeductionState.Upheld => "已维持",
        _ => "已撤销",
    };

    private static string Past(DeductionAction action) => action switch
    {
        DeductionAction.Confirm => "confirmed",
        DeductionAction.Appeal => "appealed",
        DeductionAction.Uphold => "upheld",
        DeductionAction.Void => "voided",
        _ => action.ToString(),
    };
}
