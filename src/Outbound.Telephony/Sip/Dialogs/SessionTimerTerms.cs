using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Dialogs;

/// <summary>What a session-timer negotiation settled: the interval, and whether we send the refreshes.</summary>
public sealed record SessionTimerTerms(TimeSpan Interval, bool WeRefresh)
{
    /// <summary>
    /// When the refresher re-INVITEs (half the interval, RFC 4028 §7.4, §9) or, if the peer refreshes, when we give up on
    /// it: the interval less a third of it or 32 s, whichever is smaller (§10).
    /// </summary>
    public TimeSpan NextDeadline => WeRefresh ? Interval / 2 : Interval - Min(TimeSpan.FromSeconds(32), Interval / 3);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>A UAS's answer to a session-timer request: refuse with 422, or the headers its 2xx carries and the terms.</summary>
public abstract record SessionTimerAnswer
{
    public sealed record TooSmall(long MinSeSeconds) : SessionTimerAnswer;

    /// <param name="Header">The Session-Expires of the 2xx (refresher relative to the request's transaction).</param>
    /// <param name="RequireTimer">Whether the 2xx says Require: timer (the UAC supports the extension, §9).</param>
    public sealed record Accepted(SessionExpiresHeader Header, bool RequireTimer, SessionTimerTerms Terms) : SessionTimerAnswer;

    public sealed record None : SessionTimerAnswer;
}

/// <summary>
/// The decisions of RFC 4028 as pure functions of a message and our <see cref="SessionTimerOptions"/>, for either side
/// of an INVITE (or UPDATE) transaction, initial or refresh.
/// </summary>
public static class SessionTimerNegotiation
{
    /// <summary>What a request we send carries: Supported: timer, Session-Expires and Min-SE (RFC 4028 §7.1).</summary>
    public static void AddToRequest(SipRequest request, SessionTimerOptions options, TimeSpan? interval = null, bool weRefresh = false)
    {
        if (!options.Enabled) return;
        var seconds = interval is { } i ? (long)i.TotalSeconds : options.SessionExpiresSeconds;
        request.Headers.Set(SipHeaderNames.Supported, SessionTimerOptions.OptionTag);
        request.Headers.Set(SipHeaderNames.SessionExpires, new SessionExpiresHeader(seconds, weRefresh ? SessionRefresher.Uac : null).ToString());
        request.Headers.Set(SipHeaderNames.MinSe, options.MinSeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// UAS side (§9): a too-short Session-Expires from a UAC that knows the extension gets 422; otherwise the interval is
    /// the request's, capped at ours but never below either side's Min-SE, and the refresher is the request's choice,
    /// else the UAC when it supports the extension, else us. A request without Session-Expires still gets a timer with us
    /// refreshing: a re-INVITE is plain SIP every peer answers, so dead peers are found either way.
    /// </summary>
    public static SessionTimerAnswer AnswerRequest(SipRequest request, SessionTimerOptions options)
    {
        if (!options.Enabled) return new SessionTimerAnswer.None();
        var uacSupports = request.Supports(SessionTimerOptions.OptionTag);
        var requested = request.SessionExpires;
        var floor = Math.Max(options.MinSeSeconds, request.MinSe ?? 0);
        if (requested is not null && requested.Seconds < options.MinSeSeconds && uacSupports)
            return new SessionTimerAnswer.TooSmall(options.MinSeSeconds);
        var seconds = Math.Max(floor, Math.Min(requested?.Seconds ?? options.SessionExpiresSeconds, options.SessionExpiresSeconds));
        var refresher = uacSupports ? requested?.Refresher ?? SessionRefresher.Uac : SessionRefresher.Uas;
        return new SessionTimerAnswer.Accepted(new SessionExpiresHeader(seconds, refresher), uacSupports,
            new SessionTimerTerms(TimeSpan.FromSeconds(seconds), WeRefresh: refresher == SessionRefresher.Uas));
    }

    /// <summary>
    /// UAC side (§7.2): the 2xx's Session-Expires and refresher decide; a 2xx without one (the peer does not know the
    /// extension) leaves us refreshing at the interval we asked for.
    /// </summary>
    public static SessionTimerTerms? ReadResponse(SipResponse response, SessionTimerOptions options, TimeSpan? asked = null)
    {
        if (!options.Enabled) return null;
        if (response.SessionExpires is not { } granted)
            return new SessionTimerTerms(asked ?? options.SessionExpires, WeRefresh: true);
        return new SessionTimerTerms(granted.Interval, WeRefresh: granted.Refresher != SessionRefresher.Uas);
    }

    /// <summary>The interval to ask for again after a 422 (§7.4): at least the peer's Min-SE.</summary>
    public static TimeSpan RetryAfterTooSmall(SipResponse tooSmall, TimeSpan asked) =>
        tooSmall.MinSe is { } min && TimeSpan.FromSeconds(min) > asked ? TimeSpan.FromSeconds(min) : asked;

    /// <summary>Session-Expires (and Require: timer) on our 2xx.</summary>
    public static void AddToResponse(SipResponse response, SessionTimerAnswer.Accepted accepted)
    {
        response.Headers.Set(SipHeaderNames.SessionExpires, accepted.Header.ToString());
        if (accepted.RequireTimer) response.Headers.Set(SipHeaderNames.Require, SessionTimerOptions.OptionTag);
    }
}
