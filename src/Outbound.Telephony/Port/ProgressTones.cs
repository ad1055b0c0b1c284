namespace Outbound.Telephony.Port;

/// <summary>
/// Prompt ids of call-progress tones that every adapter can play without a prompt file (a WAV of the same name in the
/// prompt folder takes precedence). Played with <see cref="ITelephony.HoldAsync"/>, they loop until the leg is retrieved or joined.
/// </summary>
public static class ProgressTones
{
    /// <summary>Ringback (回铃音) as Chinese networks play it: 450 Hz, 1 s on, 4 s off.</summary>
    public const string Ringback = "ringback";
}
