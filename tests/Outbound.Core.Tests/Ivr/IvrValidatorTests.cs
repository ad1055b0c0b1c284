using Outbound.Core.Ivr;
using static Outbound.Core.Tests.Ivr.IvrTrees;

namespace Outbound.Core.Tests.Ivr;

public sealed class IvrValidatorTests
{
    private static IReadOnlyList<IvrProblemKind> Kinds(IvrTree tree) => IvrValidator.Validate(tree).Select(p => p.Kind).ToList();

    [Fact]
    public void A_hotline_where_every_menu_reaches_a_queue_passes()
    {
        Assert.Empty(IvrValidator.Validate(Hotline));
    }

    [Fact]
    public void Two_menus_that_only_lead_to_each_other_are_a_loop_without_exit()
    {
        var tree = new IvrTree("a",
        [
            Menu("a", new() { ['1'] = new IvrAction.GoTo("b"), ['0'] = new IvrAction.Queue("q") }),
            Menu("b", new() { ['1'] = new IvrAction.GoTo("c") }),
            Menu("c", new() { ['1'] = new IvrAction.GoTo("b"), ['2'] = new IvrAction.PlayInfo("info", IvrAction.RepeatMenu) }),
        ]);
        var problems = IvrValidator.Validate(tree);
        Assert.Equal([("b", IvrProblemKind.LoopWithoutExit), ("c", IvrProblemKind.LoopWithoutExit)],
            problems.Select(p => (p.MenuId!, p.Kind)).Order());
    }

    [Fact]
    public void A_loop_with_one_way_out_is_fine()
    {
        var tree = new IvrTree("a",
        [
            Menu("a", new() { ['1'] = new IvrAction.GoTo("b") }),
            Menu("b", new() { ['1'] = new IvrAction.GoTo("a"), ['9'] = new IvrAction.HangUp("bye") }),
        ]);
        Assert.Empty(IvrValidator.Validate(tree));
    }

    [Fact]
    public void A_menu_leading_only_to_an_endless_menu_is_a_dead_end()
    {
        var tree = new IvrTree("a",
        [
            Menu("a", new() { ['1'] = new IvrAction.GoTo("b") }, timeout: new IvrAction.GoTo("b"), invalid: new IvrAction.GoTo("b")),
            Menu("b", new() { ['1'] = IvrAction.RepeatMenu }),
        ]);
        var problems = IvrValidator.Validate(tree);
        Assert.Contains(problems, p => p is { MenuId: "a", Kind: IvrProblemKind.DeadEnd });
        Assert.Contains(problems, p => p is { MenuId: "b", Kind: IvrProblemKind.LoopWithoutExit });
    }

    [Fact]
    public void The_retry_safety_net_does_not_count_as_a_way_out()
    {
        var tree = new IvrTree("a", [Menu("a", new() { ['1'] = IvrAction.RepeatMenu }) with { OnRetriesExhausted = new IvrAction.HangUp() }]);
        Assert.Contains(IvrProblemKind.LoopWithoutExit, Kinds(tree));
    }

    [Fact]
    public void Unknown_targets_bad_keys_missing_root_duplicates_and_unreachable_menus_are_reported()
    {
        var tree = new IvrTree("start",
        [
            Menu("a", new() { ['1'] = new IvrAction.GoTo("nowhere"), ['x'] = new IvrAction.Queue("q") }),
            Menu("a", new() { ['0'] = new IvrAction.Queue("q") }),
            Menu("lonely", new() { ['0'] = new IvrAction.Queue("q") }),
            Menu("empty", new()) with { OnTimeout = new IvrAction.HangUp() },
        ]);
        var kinds = Kinds(tree);
        Assert.Contains(IvrProblemKind.RootMissing, kinds);
        Assert.Contains(IvrProblemKind.DuplicateMenu, kinds);
        Assert.Contains(IvrProblemKind.UnknownTarget, kinds);
        Assert.Contains(IvrProblemKind.InvalidKey, kinds);
        Assert.Contains(IvrProblemKind.NoChoices, kinds);

        var fine = new IvrTree("a", [Menu("a", new() { ['0'] = new IvrAction.Queue("q") }), Menu("lonely", new() { ['0'] = new IvrAction.Queue("q") })]);
        Assert.Equal([new IvrProblem(IvrProblemKind.UnreachableMenu, "lonely")], IvrValidator.Validate(fine));
        Assert.Equal([IvrProblemKind.NoMenus], Kinds(new IvrTree("a", [])));
    }
}
