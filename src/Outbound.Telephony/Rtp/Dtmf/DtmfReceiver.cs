namespace Outbound.Telephony.Rtp.Dtmf;

/// <summary>A digit received as RFC 4733 events, with how long it was held.</summary>
public sealed record DtmfDigitReceived(char Digit, TimeSpan Duration);

/// <summary>
/// Turns telephone-event packets into digits (RFC 4733 §2.5.2). One event is identified by its RTP
/// timestamp; the digit is reported once, on its first end packet (retransmitted ends are ignored), or
/// when a new event starts while the previous one's end packets were all lost.
/// </summary>
public sealed class DtmfReceiver(int clockRate = 8000)
{
    private uint? _currentTimestamp;
    private TelephoneEvent _current;
    private bool _currentReported;

    /// <summary>Feeds one packet of the telephone-event payload type; returns the digits it completes (0, 1 or 2).</summary>
    public IReadOnlyList<DtmfDigitReceived> Receive(uint rtpTimestamp, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryRead(payload, out var telephoneEvent)) return [];
        List<DtmfDigitReceived>? completed = null;
        if (_currentTimestamp != rtpTimestamp)
        {
            if (_currentTimestamp is not null && !_currentReported && ToDigit(_current) is { } unfinished)
                (completed ??= []).Add(unfinished);
            _currentTimestamp = rtpTimestamp;
            _currentReported = false;
        }
        if (_currentReported) return completed ?? [];
        _current = telephoneEvent;
        if (telephoneEvent.End)
        {
            _currentReported = true;
            if (ToDigit(telephoneEvent) is { } digit) (completed ??= []).Add(digit);
        }
        return completed ?? [];
    }

    private DtmfDigitReceived? ToDigit(TelephoneEvent telephoneEvent) =>
        DtmfDigit.FromEvent(telephoneEvent.Event) is { } digit
            ? new DtmfDigitReceived(digit, TimeSpan.FromSeconds((double)telephoneEvent.Duration / clockRate))
            : null;
}
