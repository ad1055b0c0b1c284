using Outbound.Core.Amd;

namespace Outbound.Telephony.Amd;

/// <summary>
/// Answering-machine detection on the called party's decoded audio (8 kHz linear PCM), in the manner of
/// Asterisk's AMD application as its documentation describes it: frames are voice or silence by mean
/// amplitude; voice bursts of at least the minimum word length, separated by at least the between-words
/// silence, are words; the greeting starts with the first word. Then:
/// silence before any word for the initial silence → machine; greeting voice beyond the greeting length,
/// reaching the maximum number of words, or one word beyond the maximum word length → machine;
/// silence after a greeting for the after-greeting silence → human; nothing decided within the total
/// analysis time → not sure. Feed frames in order; the first decision is final.
/// </summary>
public sealed class AnsweringMachineDetector
{
    private const int SampleRate = 8000;
    private const int AnalysisFrame = 160;
    private readonly AmdOptions _options;
    private double _totalMs;
    private double _silenceMs;
    private double _voiceMs;
    private double _consecutiveVoiceMs;
    private int _words;
    private bool _inWord;
    private bool _inGreeting;

    public AnsweringMachineDetector(AmdOptions? options = null)
    {
        _options = options ?? AmdOptions.Default;
        var errors = _options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
    }

    /// <summary>The decision, once made; further frames are ignored.</summary>
    public AmdResult? Result { get; private set; }

    /// <summary>Analyses audio in 20 ms steps; returns the decision as soon as there is one.</summary>
    public AmdResult? Analyze(ReadOnlySpan<short> samples)
    {
        for (var at = 0; at < samples.Length && Result is null; at += AnalysisFrame)
            Step(samples.Slice(at, Math.Min(AnalysisFrame, samples.Length - at)));
        return Result;
    }

    private void Step(ReadOnlySpan<short> frame)
    {
        var ms = frame.Length * 1000.0 / SampleRate;
        _totalMs += ms;
        if (IsSilence(frame)) OnSilence(ms);
        else OnVoice(ms);
        if (Result is null && _totalMs >= _options.TotalAnalysisTimeMs)
            Decide(AmdVerdict.NotSure, AmdCause.TooLong, $"TOOLONG-{Ms(_totalMs)}");
    }

    private void OnSilence(double ms)
    {
        _silenceMs += ms;
        if (_silenceMs >= _options.BetweenWordsSilenceMs)
        {
            _inWord = false;
            _consecutiveVoiceMs = 0;
        }
        if (!_inGreeting && _silenceMs >= _options.InitialSilenceMs)
            Decide(AmdVerdict.Machine, AmdCause.InitialSilence, $"INITIALSILENCE-{Ms(_silenceMs)}-{_options.InitialSilenceMs}");
        else if (_inGreeting && _silenceMs >= _options.AfterGreetingSilenceMs)
            Decide(AmdVerdict.Human, AmdCause.Human, $"HUMAN-{Ms(_silenceMs)}-{_options.AfterGreetingSilenceMs}");
    }

    private void OnVoice(double ms)
    {
        _silenceMs = 0;
        _consecutiveVoiceMs += ms;
        if (_inGreeting) _voiceMs += ms;
        if (!_inWord && _consecutiveVoiceMs >= _options.MinimumWordLengthMs)
        {
            _inWord = true;
            _words++;
            if (!_inGreeting)
            {
                _inGreeting = true;
                _voiceMs = _consecutiveVoiceMs;
            }
            if (_words >= _options.MaximumNumberOfWords)
            {
                Decide(AmdVerdict.Machine, AmdCause.MaxWords, $"MAXWORDS-{_words}-{_options.MaximumNumberOfWords}");
                return;
            }
        }
        if (_inWord && _consecutiveVoiceMs >= _options.MaximumWordLengthMs)
            Decide(AmdVerdict.Machine, AmdCause.MaxWordLength, $"MAXWORDLENGTH-{Ms(_consecutiveVoiceMs)}");
        else if (_inGreeting && _voiceMs >= _options.GreetingMs)
            Decide(AmdVerdict.Machine, AmdCause.LongGreeting, $"LONGGREETING-{Ms(_voiceMs)}-{_options.GreetingMs}");
    }

    private bool IsSilence(ReadOnlySpan<short> frame)
    {
        long sum = 0;
        foreach (var sample in frame) sum += Math.Abs((int)sample);
        return sum < (long)_options.SilenceThreshold * frame.Length;
    }

    private void Decide(AmdVerdict verdict, AmdCause cause, string asteriskCause) =>
        Result = new AmdResult(verdict, cause, TimeSpan.FromMilliseconds(_totalMs), _words, Ms(_voiceMs), Ms(_silenceMs), asteriskCause);

    private static int Ms(double ms) => (int)Math.Round(ms);
}
