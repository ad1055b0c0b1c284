using System.Collections.Concurrent;
using Outbound.Telephony.Rtp.Prompts;

namespace Outbound.Telephony.SipAdapter;

/// <summary>
/// Prompt ids resolved to audio: <c>{folder}/{id}.wav</c>, loaded once as 20 ms frames, or else a built-in
/// call-progress tone (<see cref="ToneAudio"/>). Any other id that is not a plain file name or has no file plays nothing:
/// the hang-up that usually follows a prompt must not fail on it.
/// </summary>
internal sealed class SipPrompts(string folder)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<short[]>> _loaded = new(StringComparer.Ordinal);

    public IReadOnlyList<short[]> Frames(string promptId) => _loaded.GetOrAdd(promptId, id =>
    {
        if (string.IsNullOrWhiteSpace(id) || Path.GetFileName(id) != id) return [];
        var path = Path.Combine(folder, id + ".wav");
        return File.Exists(path) ? PromptPlayer.LoadFrames(path) : ToneAudio.Frames(id);
    });
}
