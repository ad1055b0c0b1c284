namespace Outbound.Dialer.Bots;

/// <summary>How a demo bot agent behaves (seconds are real time).</summary>
public sealed record BotAgentOptions
{
    public int Seed { get; init; } = 1;
    /// <summary>Seconds a bot looks at a preview lead before dialing.</summary>
    public double PreviewSeconds { get; init; } = 2;
    /// <summary>Seconds of after-call work before the disposition.</summary>
    public double WrapSeconds { get; init; } = 3;
    /// <summary>Share of previews the bot skips.</summary>
    public double SkipRate { get; init; } = 0.1;
    /// <summary>Disposition codes to pick from; the campaign's own when empty (the demo hosting fills them in).</summary>
    public IReadOnlyList<string> Dispositions { get; init; } = [];
}
