namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// How long a receive or accept loop waits after a failure it cannot blame on one peer (no descriptors, no buffers):
/// doubling from 5 ms to 1 s, back to nothing after a success, so the loop neither spins nor stays slow.
/// </summary>
internal sealed class LoopBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(1);
    private TimeSpan _next = First;

    /// <summary>Failures in a row; the first of an episode is the one worth a warning.</summary>
    public int Failures { get; private set; }

    public TimeSpan Fail()
    {
        Failures++;
        var wait = _next;
        _next = _next * 2 < Longest ? _next * 2 : Longest;
        return wait;
    }

    public void Succeed()
    {
        Failures = 0;
        _next = First;
    }
}
