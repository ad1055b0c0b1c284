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
    /// <summary>Disposition codes to pick from; the campaign's own when empty (see <see cref="For"/>).</summary>
    public IReadOnlyList<string> Dispositions { get; init; } = [];

    /// <summary>
    /// The options for bots of a campaign: they close calls with its own dispositions, as an agent would (a code the campaign does
    /// not know would show raw in its reports and count as no right-party contact), unless codes were configured.
    /// </summary>
    public BotAgentOptions For(Core.Campaigns.CampaignSettings campaign) =>
        Dispositions.Count > 0 ? this : this with { Dispositions = campaign.Dispositions.Select(d => d.Code).ToList() };
}
