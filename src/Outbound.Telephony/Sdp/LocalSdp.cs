namespace Outbound.Telephony.Sdp;

/// <summary>
/// The description one side of a session last sent (RFC 3264 §8): a new one keeps the first one's origin (username,
/// session id) and gets the next session version when its content changed; when nothing changed (a session refresh, a
/// repeated answer) the previous description goes out again, version and all. Thread-safe.
/// </summary>
public sealed class LocalSdp(string? initial)
{
    private readonly Lock _gate = new();
    private string? _current = initial;

    public string? Current
    {
        get { lock (_gate) return _current; }
    }

    /// <summary>Makes <paramref name="next"/> the current description under the rules above and returns what to send.</summary>
    public string Update(string next)
    {
        lock (_gate)
        {
            if (_current is null || SdpVersion.Of(_current) is not { } version) return _current = next;
            if (SdpVersion.WithoutOrigin(next) == SdpVersion.WithoutOrigin(_current)) return _current;
            return _current = SdpVersion.WithOrigin(next, _current, version + 1);
        }
    }

    /// <summary>The current description with every media direction set to <paramref name="direction"/> (hold, resume), versioned by <see cref="Update"/>.</summary>
    public string WithDirection(MediaDirection direction) => Update(MediaDirectionSdp.Apply(Current ?? string.Empty, direction));
}
