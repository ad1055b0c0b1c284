using Outbound.Core.Ivr;

namespace Outbound.Core.Tests.Ivr;

/// <summary>A 95598-like hotline: 1 outage info, 2 billing (with a sub-menu), 0 an agent, 9 a message.</summary>
internal static class IvrTrees
{
    public static IvrMenu Menu(string id, Dictionary<char, IvrAction> choices, IvrAction? timeout = null, IvrAction? invalid = null, int retries = 3) =>
        new(id, "prompt-" + id, choices, timeout ?? IvrAction.RepeatMenu, invalid ?? IvrAction.RepeatMenu, retries);

    public static IvrTree Hotline { get; } = new("main",
    [
        Menu("main", new()
        {
            ['1'] = new IvrAction.PlayInfo("outage-info", IvrAction.RepeatMenu),
            ['2'] = new IvrAction.GoTo("billing"),
            ['0'] = new IvrAction.Queue("power-hotline", Priority: 0),
            ['9'] = new IvrAction.Voicemail("power-hotline"),
        }),
        Menu("billing", new()
        {
            ['1'] = new IvrAction.PlayInfo("balance-info", new IvrAction.GoTo("main")),
            ['2'] = new IvrAction.Queue("power-hotline", Skill: "billing", Priority: 1),
            ['*'] = new IvrAction.GoTo("main"),
        }),
    ]);
}
