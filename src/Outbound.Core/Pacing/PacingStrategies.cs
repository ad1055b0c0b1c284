namespace Outbound.Core.Pacing;

/// <summary>Creates a pacing strategy by the name a campaign stores.</summary>
public static class PacingStrategies
{
    public const string Progressive = "progressive";
    public const string Ratio = "ratio";
    public const string Adaptive = "adaptive";
    public const string Predictive = "predictive";

    public static IReadOnlyList<string> Names { get; } = [Progressive, Ratio, Adaptive, Predictive];

    public static IPacingStrategy Create(string name, PacingOptions? options = null)
    {
        options ??= new PacingOptions();
        return name.Trim().ToLowerInvariant() switch
        {
            Progressive => new ProgressivePacing(),
            Ratio => new RatioPacing(options.Ratio),
            Adaptive => new AdaptivePacing(options.Adaptive),
            Predictive => new PredictivePacing(options.Predictive),
            _ => throw new ArgumentException($"unknown pacing strategy '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
