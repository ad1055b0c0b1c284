using Outbound.Core.Amd;
using Outbound.Telephony.Amd;
using static Outbound.Telephony.Tests.Amd.SyntheticSpeech;

namespace Outbound.Telephony.Tests.Amd;

public sealed class AnsweringMachineDetectorTests
{
    private static AmdResult Detect(short[] audio, AmdOptions? options = null)
    {
        var detector = new AnsweringMachineDetector(options);
        // Fed in 20 ms frames as they come off RTP.
        for (var at = 0; at < audio.Length; at += 160)
            if (detector.Analyze(audio.AsSpan(at, Math.Min(160, audio.Length - at))) is { } result) return result;
        return detector.Result ?? throw new Xunit.Sdk.XunitException("no decision for the whole audio");
    }

    [Fact]
    public void Short_hello_then_silence_is_human_after_the_after_greeting_silence()
    {
        var result = Detect(Build(Silence(300), Voice(460), Silence(3000)));
        Assert.Equal((AmdVerdict.Human, AmdCause.Human), (result.Verdict, result.Cause));
        Assert.Equal(TimeSpan.FromMilliseconds(300 + 460 + 800), result.DecidedAfter);
        Assert.Equal("HUMAN-800-800", result.AsteriskCause);
        Assert.Equal("HUMAN", result.AsteriskStatus);
    }

    [Fact]
    public void Long_continuous_greeting_is_machine_long_greeting()
    {
        var result = Detect(Build(Silence(200), Voice(4000), Silence(1000)));
        Assert.Equal((AmdVerdict.Machine, AmdCause.LongGreeting), (result.Verdict, result.Cause));
        Assert.Equal("LONGGREETING-1500-1500", result.AsteriskCause);
        Assert.Equal(TimeSpan.FromMilliseconds(200 + 1500), result.DecidedAfter);
    }

    [Fact]
    public void Greeting_of_separate_words_is_machine_max_words()
    {
        var result = Detect(Build(Voice(300), Silence(200), Voice(300), Silence(200), Voice(300), Silence(2000)));
        Assert.Equal((AmdVerdict.Machine, AmdCause.MaxWords), (result.Verdict, result.Cause));
        Assert.Equal(2, result.Words);
    }

    [Fact]
    public void Word_count_limit_is_configurable_per_campaign()
    {
        var audio = Build(Voice(300), Silence(200), Voice(300), Silence(2000));
        var lenient = Detect(audio, new AmdOptions { MaximumNumberOfWords = 4 });
        Assert.Equal((AmdVerdict.Human, AmdCause.Human), (lenient.Verdict, lenient.Cause));
        Assert.Equal(2, lenient.Words);
    }

    [Fact]
    public void Silence_from_the_start_is_machine_initial_silence()
    {
        var result = Detect(Build(Silence(6000)));
        Assert.Equal((AmdVerdict.Machine, AmdCause.InitialSilence), (result.Verdict, result.Cause));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), result.DecidedAfter);
    }

    [Fact]
    public void Bursts_too_short_for_words_end_not_sure_after_total_analysis_time()
    {
        var script = Enumerable.Range(0, 60).SelectMany(_ => new[] { Voice(60), Silence(60) }).ToArray();
        var result = Detect(Build(script));
        Assert.Equal((AmdVerdict.NotSure, AmdCause.TooLong), (result.Verdict, result.Cause));
        Assert.Equal("TOOLONG-5000", result.AsteriskCause);
    }

    [Fact]
    public void One_endless_word_is_machine_max_word_length_when_greeting_allows_it()
    {
        var result = Detect(Build(Voice(4000)), new AmdOptions { GreetingMs = 4000, MaximumWordLengthMs = 2000 });
        Assert.Equal((AmdVerdict.Machine, AmdCause.MaxWordLength), (result.Verdict, result.Cause));
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new AnsweringMachineDetector(new AmdOptions { GreetingMs = 0, SilenceThreshold = 40000 }));
        Assert.Contains(nameof(AmdOptions.GreetingMs), error.Message);
        Assert.Contains(nameof(AmdOptions.SilenceThreshold), error.Message);
    }

    [Fact]
    public void Defaults_are_asterisks()
    {
        var d = AmdOptions.Default;
        Assert.Equal((2500, 1500, 800, 5000, 100, 50, 2, 256, 5000),
            (d.InitialSilenceMs, d.GreetingMs, d.AfterGreetingSilenceMs, d.TotalAnalysisTimeMs, d.MinimumWordLengthMs,
             d.BetweenWordsSilenceMs, d.MaximumNumberOfWords, d.SilenceThreshold, d.MaximumWordLengthMs));
    }
}
