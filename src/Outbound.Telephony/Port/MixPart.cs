namespace Outbound.Telephony.Port;

/// <summary>How a leg takes part in a mix (a conference room of the adapter).</summary>
public enum MixMode
{
    /// <summary>Hears everyone else and is heard by everyone (a conference member, a barging supervisor).</summary>
    Full,
    /// <summary>Hears everyone, is heard by no one (silent monitoring, 监听).</summary>
    Listen,
    /// <summary>Hears everyone, is heard only by <see cref="MixPart.WhisperTo"/> (coaching an agent, 耳语).</summary>
    Whisper,
}

/// <summary>One leg of a mix and its mode; <paramref name="WhisperTo"/> is the only leg that hears a whispering part.</summary>
public sealed record MixPart(CallLegId Leg, MixMode Mode = MixMode.Full, CallLegId? WhisperTo = null)
{
    /// <summary>True when <paramref name="listener"/> (another leg of the mix) hears this part.</summary>
    public bool IsHeardBy(CallLegId listener) => Mode switch
    {
        MixMode.Full => listener != Leg,
        MixMode.Whisper => listener == WhisperTo && listener != Leg,
        _ => false,
    };
}
