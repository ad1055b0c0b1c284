namespace Outbound.Core.Ivr;

public enum IvrProblemKind
{
    NoMenus,
    RootMissing,
    DuplicateMenu,
    UnknownTarget,
    InvalidKey,
    NoChoices,
    /// <summary>A menu from which no choice, timeout or invalid input leads to a queue, voicemail or hang-up.</summary>
    DeadEnd,
    /// <summary>Menus that lead only to each other, round and round.</summary>
    LoopWithoutExit,
    UnreachableMenu,
    BadRetries,
}

public sealed record IvrProblem(IvrProblemKind Kind, string? MenuId, string? Detail = null);

/// <summary>
/// Checks an IVR tree before it is saved: every target exists, every key is a DTMF key, every menu has a way
/// out (queue, voicemail or hang-up) reachable by the caller's own choices, timeouts or invalid input, and
/// every menu is reachable from the root. Pure; returns every problem found.
/// </summary>
public static class IvrValidator
{
    private const string DtmfKeys = "0123456789*#";

    public static IReadOnlyList<IvrProblem> Validate(IvrTree tree)
    {
        var problems = new List<IvrProblem>();
        if (tree.Menus.Count == 0) return [new(IvrProblemKind.NoMenus, null)];
        foreach (var duplicate in tree.Menus.GroupBy(m => m.Id).Where(g => g.Count() > 1))
            problems.Add(new(IvrProblemKind.DuplicateMenu, duplicate.Key));
        var menus = tree.Menus.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        if (!menus.ContainsKey(tree.RootId)) problems.Add(new(IvrProblemKind.RootMissing, tree.RootId));

        foreach (var menu in menus.Values)
        {
            if (menu.Choices.Count == 0) problems.Add(new(IvrProblemKind.NoChoices, menu.Id));
            foreach (var key in menu.Choices.Keys.Where(k => !DtmfKeys.Contains(k)))
                problems.Add(new(IvrProblemKind.InvalidKey, menu.Id, key.ToString()));
            if (menu.MaxRetries < 1) problems.Add(new(IvrProblemKind.BadRetries, menu.Id));
            foreach (var target in menu.Actions.Append(menu.Exhausted).SelectMany(Targets).Where(t => !menus.ContainsKey(t)).Distinct())
                problems.Add(new(IvrProblemKind.UnknownTarget, menu.Id, target));
        }

        var canExit = MenusWithExit(menus);
        foreach (var menu in menus.Values.Where(m => !canExit.Contains(m.Id)))
            problems.Add(new(InCycle(menu.Id, menus) ? IvrProblemKind.LoopWithoutExit : IvrProblemKind.DeadEnd, menu.Id));

        if (menus.ContainsKey(tree.RootId))
        {
            var reachable = Reachable(tree.RootId, menus);
            foreach (var menu in menus.Keys.Where(id => !reachable.Contains(id)))
                problems.Add(new(IvrProblemKind.UnreachableMenu, menu));
        }
        return problems;
    }

    /// <summary>The menus an action leads to (a repeat leads nowhere new).</summary>
    private static IEnumerable<string> Targets(IvrAction action) => action switch
    {
        IvrAction.GoTo g => [g.MenuId],
        IvrAction.PlayInfo p => Targets(p.Then),
        _ => [],
    };

    /// <summary>Fixed point: a menu has an exit when one of its actions exits or leads to a menu that has one.</summary>
    private static HashSet<string> MenusWithExit(Dictionary<string, IvrMenu> menus)
    {
        var result = new HashSet<string>();
        bool changed;
        do
        {
            changed = false;
            foreach (var menu in menus.Values.Where(m => !result.Contains(m.Id)))
            {
                if (menu.Actions.Any(a => a.IsExit || Targets(a).Any(result.Contains)) && result.Add(menu.Id)) changed = true;
            }
        } while (changed);
        return result;
    }

    private static HashSet<string> Reachable(string from, Dictionary<string, IvrMenu> menus)
    {
        var seen = new HashSet<string> { from };
        var todo = new Stack<string>([from]);
        while (todo.TryPop(out var id))
        {
            if (!menus.TryGetValue(id, out var menu)) continue;
            foreach (var next in menu.Actions.Append(menu.Exhausted).SelectMany(Targets))
                if (seen.Add(next)) todo.Push(next);
        }
        return seen;
    }

    private static bool InCycle(string id, Dictionary<string, IvrMenu> menus)
    {
        if (menus[id].Actions.Any(a => a is IvrAction.Repeat)) return true;
        var reachable = Reachable(id, menus);
        reachable.Remove(id);
        return reachable.Any(other => menus.TryGetValue(other, out var m) && m.Actions.SelectMany(Targets).Contains(id));
    }
}
