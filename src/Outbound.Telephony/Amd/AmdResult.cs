namespace Outbound.Telephony.Amd;

public enum AmdVerdict
{
    Human,
    Machine,
    NotSure,
}

/// <summary>Why the detector decided, named as Asterisk's AMDCAUSE values.</summary>
public enum AmdCause
{
    /// <summary>Machine: no voice within the initial silence.</summary>
    InitialSilence,
    /// <summary>Machine: voice for longer than a greeting.</summary>
    LongGreeting,
    /// <summary>Machine: the greeting reached the maximum number of words.</summary>
    MaxWords,
    /// <summary>Machine: one word lasted longer than the maximum word length.</summary>
    MaxWordLength,
    /// <summary>Human: a short greeting followed by silence (waiting for an answer).</summary>
    Human,
    /// <summary>Not sure: the total analysis time ran out.</summary>
    TooLong,
}

/// <summary>
/// The decision with its cause and the measurements behind it; <see cref="AsteriskCause"/> renders the
/// cause the way Asterisk's AMDCAUSE variable does (for example <c>LONGGREETING-1500-1500</c>).
/// </summary>
public sealed record AmdResult(AmdVerdict Verdict, AmdCause Cause, TimeSpan DecidedAfter, int Words, int VoiceMs, int SilenceMs, string AsteriskCause)
{
    public string AsteriskStatus => Verdict switch
    {
        AmdVerdict.Human => "HUMAN",
        AmdVerdict.Machine => "MACHINE",
        _ => "NOTSURE",
    };
}
