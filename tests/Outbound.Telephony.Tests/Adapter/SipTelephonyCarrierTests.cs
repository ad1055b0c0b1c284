using Outbound.Core.Amd;
using Outbound.Telephony.Port;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>The Sip adapter driven only through <see cref="ITelephony"/>, with sipp as the carrier trunk on loopback.</summary>
public sealed class SipTelephonyCarrierTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-sipadapter-");

    public void Dispose() => _work.Delete(recursive: true);

    internal static async Task<SipTelephony> StartAsync(SipTrunkSettings? trunk, SipAgentDirectory? agents = null)
    {
        var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, agents ?? new SipAgentDirectory(), TimeProvider.System);
        await telephony.StartAsync(trunk);
        return telephony;
    }

    /// <summary>The trunk sipp plays; no OPTIONS keep-alive, which sipp's one-call scenarios would take as an unexpected message.</summary>
    internal static SipTrunkSettings Trunk(int port, string? username = null, string? password = null) => new()
    {
        Host = "127.0.0.1", Port = port, CallerId = "02150001234", Username = username, Password = password, OptionsInterval = TimeSpan.Zero,
    };

    private static OriginateRequest Call(TimeSpan ring, bool detectMachine = false) =>
        new("13800138000", "02150001234", ring, detectMachine, "lead-1/1");

    [Fact]
    public async Task Call_through_the_port_rings_is_answered_and_our_hang_up_sends_bye()
    {
        using var carrier = SippProcess.Uas("uas-answer.xml");
        await using var telephony = await StartAsync(Trunk(carrier.Port));
        var events = new EventLog();

        var leg = await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(10)), events);

        Assert.Equal(leg, (await events.NextAsync<TelephonyEvent.Ringing>(Wait)).Leg);
        var answered = await events.NextAsync<TelephonyEvent.Answered>(Wait);
        Assert.Equal(AnsweredBy.Unknown, answered.By);
        await telephony.HangUpAsync(leg);
        var hungUp = await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.False(hungUp.ByRemote);
        Assert.Equal(0, await carrier.WaitAsync(Wait));
        Assert.Equal(0, telephony.LegsUp);
    }

    [Fact]
    public async Task Called_party_hanging_up_is_reported_as_a_remote_hang_up()
    {
        using var carrier = SippProcess.Uas("uas-answer-hangup.xml", extra: ["-d", "500"]);
        await using var telephony = await StartAsync(Trunk(carrier.Port));
        var events = new EventLog();

        var leg = await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(10)), events);

        await events.NextAsync<TelephonyEvent.Answered>(Wait);
        var hungUp = await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal((leg, true, HangupCause.Normal), (hungUp.Leg, hungUp.ByRemote, hungUp.Cause));
        Assert.Equal(0, await carrier.WaitAsync(Wait));
        Assert.Equal(0, telephony.LegsUp);
    }

    [Fact]
    public async Task Busy_carrier_gives_a_busy_failure()
    {
        using var carrier = SippProcess.Uas("uas-busy.xml");
        await using var telephony = await StartAsync(Trunk(carrier.Port));
        var events = new EventLog();

        await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(10)), events);

        Assert.Equal(FailureReason.Busy, (await events.NextAsync<TelephonyEvent.Failed>(Wait)).Reason);
        Assert.Equal(0, await carrier.WaitAsync(Wait));
        Assert.DoesNotContain(events.All, e => e is TelephonyEvent.Answered);
    }

    [Fact]
    public async Task Ring_timeout_cancels_and_reports_no_answer()
    {
        using var carrier = SippProcess.Uas("uas-noanswer.xml");
        await using var telephony = await StartAsync(Trunk(carrier.Port));
        var events = new EventLog();

        await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(1)), events);

        Assert.Equal(FailureReason.NoAnswer, (await events.NextAsync<TelephonyEvent.Failed>(Wait)).Reason);
        Assert.Equal(0, await carrier.WaitAsync(Wait));
    }

    [Fact]
    public async Task Hanging_up_a_ringing_call_cancels_it_and_reports_our_cause()
    {
        using var carrier = SippProcess.Uas("uas-noanswer.xml");
        await using var telephony = await StartAsync(Trunk(carrier.Port));
        var events = new EventLog();

        var leg = await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(20)), events);
        await events.NextAsync<TelephonyEvent.Ringing>(Wait);
        await telephony.HangUpAsync(leg, HangupCause.Shutdown);

        var hungUp = await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal((false, HangupCause.Shutdown), (hungUp.ByRemote, hungUp.Cause));
        Assert.Equal(0, await carrier.WaitAsync(Wait));
    }

    [Fact]
    public async Task Digest_challenging_trunk_is_answered_with_the_configured_account()
    {
        using var carrier = SippProcess.Uas("uas-digest.xml");
        await using var telephony = await StartAsync(Trunk(carrier.Port, "trunkuser", "trunkpass"));
        var events = new EventLog();

        var leg = await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(10)), events);

        await events.NextAsync<TelephonyEvent.Answered>(Wait);
        await telephony.HangUpAsync(leg);
        await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal(0, await carrier.WaitAsync(Wait));
    }

    [Fact]
    public async Task Wrong_trunk_password_is_not_blamed_on_the_number()
    {
        using var carrier = SippProcess.Uas("uas-digest.xml");
        await using var telephony = await StartAsync(Trunk(carrier.Port, "trunkuser", "wrong"));
        var events = new EventLog();

        await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(10)), events);

        // The scenario answers a bad response with 403: rejected by the carrier, never "invalid number".
        Assert.Equal(FailureReason.Rejected, (await events.NextAsync<TelephonyEvent.Failed>(Wait)).Reason);
    }

    [Fact]
    public async Task Without_a_trunk_every_call_fails_as_trunk_down()
    {
        await using var telephony = await StartAsync(trunk: null);
        var events = new EventLog();

        var leg = await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(10)), events);

        var failed = await events.NextAsync<TelephonyEvent.Failed>(Wait);
        Assert.Equal((leg, FailureReason.TrunkDown), (failed.Leg, failed.Reason));
        Assert.Equal(0, telephony.LegsUp);
    }

    [Theory]
    [InlineData("Hello, you have reached the voicemail of John Smith. I am not available right now, please leave a message after the tone.", AnsweredBy.Machine)]
    [InlineData("Hello?", AnsweredBy.Human)]
    public async Task Detection_asked_by_the_campaign_reports_who_answered(string greeting, AnsweredBy expected)
    {
        var (_, audio) = await SpeechFiles.MakeAsync(_work.FullName, "greeting", greeting, 0.4, 4);
        using var carrier = await SpeakingCarrier.StartAsync(_work.FullName, audio);
        await using var telephony = await StartAsync(Trunk(carrier.Port));
        var events = new EventLog();

        var leg = await telephony.OriginateAsync(Call(TimeSpan.FromSeconds(10), detectMachine: true) with { Amd = AmdOptions.Default }, events);

        var answered = await events.NextAsync<TelephonyEvent.Answered>(Wait);
        Assert.Equal(expected, answered.By);
        await telephony.HangUpAsync(leg);
        await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal(0, await carrier.WaitAsync(Wait));
    }
}
