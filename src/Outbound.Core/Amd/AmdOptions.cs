namespace Outbound.Core.Amd;

/// <summary>
/// Answering-machine detection settings, per campaign (<c>CampaignSettings.Amd</c>); the detector is
/// Outbound.Telephony.Amd.AnsweringMachineDetector. Names and defaults are those Asterisk documents
/// for its AMD application and amd.conf (all durations in milliseconds; the threshold is the mean
/// absolute amplitude of a frame, 0–32767, below which the frame is silence).
/// </summary>
public sealed record AmdOptions
{
    public int InitialSilenceMs { get; init; } = 2500;
    public int GreetingMs { get; init; } = 1500;
    public int AfterGreetingSilenceMs { get; init; } = 800;
    public int TotalAnalysisTimeMs { get; init; } = 5000;
    public int MinimumWordLengthMs { get; init; } = 100;
    public int BetweenWordsSilenceMs { get; init; } = 50;
    /// <summary>Reaching this many words means a machine (Asterisk 1.8+: "reached", default 2; older: "exceeded", 3).</summary>
    public int MaximumNumberOfWords { get; init; } = 2;
    public int SilenceThreshold { get; init; } = 256;
    public int MaximumWordLengthMs { get; init; } = 5000;

    public static AmdOptions Default { get; } = new();

    /// <summary>Names every setting that is out of range; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Positive(int value, string name)
        {
            if (value <= 0) errors.Add($"{name} must be greater than 0 (was {value})");
        }
        Positive(InitialSilenceMs, nameof(InitialSilenceMs));
        Positive(GreetingMs, nameof(GreetingMs));
        Positive(AfterGreetingSilenceMs, nameof(AfterGreetingSilenceMs));
        Positive(TotalAnalysisTimeMs, nameof(TotalAnalysisTimeMs));
        Positive(MinimumWordLengthMs, nameof(MinimumWordLengthMs));
        Positive(BetweenWordsSilenceMs, nameof(BetweenWordsSilenceMs));
        Positive(MaximumNumberOfWords, nameof(MaximumNumberOfWords));
        Positive(MaximumWordLengthMs, nameof(MaximumWordLengthMs));
        if (SilenceThreshold is <= 0 or > 32767) errors.Add($"{nameof(SilenceThreshold)} must be 1–32767 (was {SilenceThreshold})");
        return errors;
    }
}
