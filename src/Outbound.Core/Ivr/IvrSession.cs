namespace Outbound.Core.Ivr;

/// <summary>What the telephony side does next for a caller in the IVR.</summary>
public abstract record IvrStep
{
    /// <summary>Play the prompt(s) and wait for a key or a timeout.</summary>
    public sealed record Prompt(string MenuId, IReadOnlyList<string> Prompts) : IvrStep;

    public sealed record ToQueue(string QueueCode, string? Skill, int Priority, IReadOnlyList<string> Prompts) : IvrStep;

    public sealed record ToVoicemail(string Mailbox, IReadOnlyList<string> Prompts) : IvrStep;

    public sealed record Hangup(IReadOnlyList<string> Prompts) : IvrStep;
}

/// <summary>
/// One caller's way through a (validated) tree, as an immutable state: <see cref="Start"/>, then
/// <see cref="Press"/> or <see cref="TimedOut"/> each return the next step and the new state.
/// </summary>
public sealed record IvrSession(IvrTree Tree, string MenuId, int Retries)
{
    public static (IvrStep Step, IvrSession Session) Start(IvrTree tree) =>
        new IvrSession(tree, tree.RootId, 0).Enter(tree.RootId, []);

    public (IvrStep Step, IvrSession Session) Press(char key)
    {
        var menu = Menu;
        return menu.Choices.TryGetValue(key, out var action) ? Apply(action, [], retry: false) : Apply(menu.OnInvalid, [], retry: true);
    }

    public (IvrStep Step, IvrSession Session) TimedOut() => Apply(Menu.OnTimeout, [], retry: true);

    private IvrMenu Menu => Tree.Find(MenuId) ?? throw new InvalidOperationException($"IVR menu {MenuId} does not exist.");

    private (IvrStep, IvrSession) Apply(IvrAction action, List<string> prompts, bool retry)
    {
        if (retry && Retries + 1 >= Menu.MaxRetries) return (this with { Retries = 0 }).Apply(Menu.Exhausted, prompts, retry: false);
        var retries = retry ? Retries + 1 : 0;
        switch (action)
        {
            case IvrAction.Repeat:
                return (new IvrStep.Prompt(MenuId, [.. prompts, Menu.Prompt]), this with { Retries = retries });
            case IvrAction.GoTo g:
                return Enter(g.MenuId, prompts);
            case IvrAction.PlayInfo info:
                prompts.Add(info.Prompt);
                return (this with { Retries = retries }).Apply(info.Then, prompts, retry: false);
            case IvrAction.Queue q:
                return (new IvrStep.ToQueue(q.QueueCode, q.Skill, q.Priority, prompts), this);
            case IvrAction.Voicemail v:
                return (new IvrStep.ToVoicemail(v.Mailbox, prompts), this);
            case IvrAction.HangUp h:
                return (new IvrStep.Hangup(h.Prompt is null ? prompts : [.. prompts, h.Prompt]), this);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "unknown IVR action");
        }
    }

    private (IvrStep, IvrSession) Enter(string menuId, List<string> prompts)
    {
        var menu = Tree.Find(menuId) ?? throw new InvalidOperationException($"IVR menu {menuId} does not exist.");
        return (new IvrStep.Prompt(menuId, [.. prompts, menu.Prompt]), this with { MenuId = menuId, Retries = 0 });
    }
}
