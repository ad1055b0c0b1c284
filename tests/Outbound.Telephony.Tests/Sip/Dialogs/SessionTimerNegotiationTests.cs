using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Tests.Sip.Dialogs;

/// <summary>RFC 4028's decisions as pure functions: who refreshes, for how long, and when to refuse.</summary>
public sealed class SessionTimerNegotiationTests
{
    private static readonly SessionTimerOptions Options = new() { SessionExpires = TimeSpan.FromSeconds(1800), MinSe = TimeSpan.FromSeconds(90) };

    private static SipRequest Invite(params (string Name, string Value)[] headers)
    {
        var invite = SipSamples.Request("INVITE");
        foreach (var (name, value) in headers) invite.Headers.Add(name, value);
        return invite;
    }

    [Fact]
    public void Uac_that_supports_timers_and_names_no_refresher_is_made_the_refresher_with_require_timer()
    {
        var answer = Assert.IsType<SessionTimerAnswer.Accepted>(SessionTimerNegotiation.AnswerRequest(
            Invite(("Supported", "timer"), ("Session-Expires", "600")), Options));

        Assert.Equal("600;refresher=uac", answer.Header.ToString());
        Assert.True(answer.RequireTimer);
        Assert.False(answer.Terms.WeRefresh);
        Assert.Equal(TimeSpan.FromSeconds(600 - 32), answer.Terms.NextDeadline);
    }

    [Fact]
    public void Uac_without_timer_support_leaves_us_refreshing_at_half_our_interval()
    {
        var answer = Assert.IsType<SessionTimerAnswer.Accepted>(SessionTimerNegotiation.AnswerRequest(Invite(), Options));

        Assert.Equal("1800;refresher=uas", answer.Header.ToString());
        Assert.False(answer.RequireTimer);
        Assert.Equal(TimeSpan.FromSeconds(900), answer.Terms.NextDeadline);
    }

    [Fact]
    public void Too_short_an_interval_is_refused_when_the_uac_can_retry_and_raised_when_a_proxy_asked_for_it()
    {
        Assert.Equal(90, Assert.IsType<SessionTimerAnswer.TooSmall>(SessionTimerNegotiation.AnswerRequest(
            Invite(("Supported", "timer"), ("Session-Expires", "30")), Options)).MinSeSeconds);

        var raised = Assert.IsType<SessionTimerAnswer.Accepted>(SessionTimerNegotiation.AnswerRequest(Invite(("Session-Expires", "30")), Options));
        Assert.Equal("90;refresher=uas", raised.Header.ToString());
    }

    [Fact]
    public void Longer_interval_than_ours_is_cut_to_ours_but_not_below_the_uacs_min_se()
    {
        var cut = Assert.IsType<SessionTimerAnswer.Accepted>(SessionTimerNegotiation.AnswerRequest(
            Invite(("Supported", "timer"), ("Session-Expires", "7200"), ("Min-SE", "3600")), Options));

        Assert.Equal(3600, cut.Header.Seconds);
    }

    [Fact]
    public void Uac_reads_the_refresher_from_the_2xx_and_refreshes_itself_when_the_uas_says_nothing()
    {
        var uasRefreshes = new SipResponse { StatusCode = 200 };
        uasRefreshes.Headers.Add("Session-Expires", "300;refresher=uas");
        var silent = new SipResponse { StatusCode = 200 };

        Assert.Equal(new SessionTimerTerms(TimeSpan.FromSeconds(300), WeRefresh: false), SessionTimerNegotiation.ReadResponse(uasRefreshes, Options));
        Assert.Equal(new SessionTimerTerms(TimeSpan.FromSeconds(1800), WeRefresh: true), SessionTimerNegotiation.ReadResponse(silent, Options));
    }
}
