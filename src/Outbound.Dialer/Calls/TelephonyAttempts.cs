using Akka.Event;
using Outbound.Telephony;

namespace Outbound.Dialer.Calls;

/// <summary>Telephony on legs that may have ended meanwhile (the caller hung up, a peer went away): a failure is logged, not thrown.</summary>
internal static class TelephonyAttempts
{
    public static async Task TryAsync(this ITelephony telephony, Func<ITelephony, Task> action, ILoggingAdapter log, object? leg)
    {
        try { await action(telephony); }
        catch (Exception e) { log.Debug("Telephony on {0}: {1}", leg ?? "-", e.Message); }
    }
}
