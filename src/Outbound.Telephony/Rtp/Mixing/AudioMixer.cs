using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Rtp.Mixing;

/// <summary>
/// Mix-minus of linear 8 kHz frames: every part gets the sum of the frames it may hear (<see cref="MixPart.IsHeardBy"/>),
/// never its own, clipped to 16 bits. A part with no frame this tick (silence, jitter) adds nothing.
/// </summary>
public static class AudioMixer
{
    /// <param name="parts">The mix's parts, in the same order as <paramref name="frames"/>.</param>
    /// <param name="frames">Each part's frame for this tick (null: nothing arrived); all of one length.</param>
    /// <returns>One frame per part: what that part hears.</returns>
    public static short[][] Mix(IReadOnlyList<MixPart> parts, IReadOnlyList<short[]?> frames, int length = G711.SamplesPerFrame)
    {
        if (parts.Count != frames.Count) throw new ArgumentException("one frame (or null) per part", nameof(frames));
        var sums = new int[length];
        var outputs = new short[parts.Count][];
        for (var listener = 0; listener < parts.Count; listener++)
        {
            Array.Clear(sums);
            for (var speaker = 0; speaker < parts.Count; speaker++)
            {
                if (speaker == listener || frames[speaker] is not { } frame || !parts[speaker].IsHeardBy(parts[listener].Leg)) continue;
                for (var i = 0; i < length && i < frame.Length; i++) sums[i] += frame[i];
            }
            var output = new short[length];
            for (var i = 0; i < length; i++) output[i] = (short)Math.Clamp(sums[i], short.MinValue, short.MaxValue);
            outputs[listener] = output;
        }
        return outputs;
    }
}
