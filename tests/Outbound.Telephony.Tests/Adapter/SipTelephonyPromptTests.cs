using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>The abandon flow of the dialer: play the information message, hang up at once — the BYE must wait for the message.</summary>
public sealed class SipTelephonyPromptTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly DirectoryInfo _prompts = Directory.CreateTempSubdirectory("outbound-prompts-");

    public void Dispose() => _prompts.Delete(recursive: true);

    [Fact]
    public async Task Hang_up_right_after_a_prompt_lets_the_prompt_finish_before_the_bye()
    {
        var tone = Enumerable.Range(0, 8000).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 400 * i / 8000.0))).ToArray();
        new WavAudio(8000, 1, tone).Write(Path.Combine(_prompts.FullName, "abandon-information.wav"));
        using var carrier = SippProcess.Uas("uas-answer.xml");
        var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0, PromptFolder = _prompts.FullName }, new SipAgentDirectory(), TimeProvider.System);
        await telephony.StartAsync(SipTelephonyCarrierTests.Trunk(carrier.Port));
        await using var _ = telephony;
        var events = new EventLog();
        var leg = await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(10), false), events);
        await events.NextAsync<TelephonyEvent.Answered>(Wait);

        await telephony.PlayPromptAsync(leg, "abandon-information");
        await telephony.HangUpAsync(leg, HangupCause.Abandoned);

        var finished = await events.NextAsync<TelephonyEvent.PromptFinished>(Wait);
        var hungUp = await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal(HangupCause.Abandoned, hungUp.Cause);
        Assert.True(hungUp.At >= finished.At);
        var all = events.All;
        var answeredAt = all.OfType<TelephonyEvent.Answered>().Single().At;
        Assert.True(hungUp.At - answeredAt >= TimeSpan.FromSeconds(0.9), $"hung up {(hungUp.At - answeredAt).TotalMilliseconds} ms after the answer: the 1 s prompt was cut");
        Assert.Equal(0, await carrier.WaitAsync(Wait));
    }

    [Fact]
    public async Task Unknown_prompt_plays_nothing_and_finishes_at_once()
    {
        using var carrier = SippProcess.Uas("uas-answer.xml");
        await using var telephony = await SipTelephonyCarrierTests.StartAsync(SipTelephonyCarrierTests.Trunk(carrier.Port));
        var events = new EventLog();
        var leg = await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(10), false), events);
        await events.NextAsync<TelephonyEvent.Answered>(Wait);

        await telephony.PlayPromptAsync(leg, "../../etc/passwd");

        Assert.Equal("../../etc/passwd", (await events.NextAsync<TelephonyEvent.PromptFinished>(Wait)).PromptId);
        await telephony.HangUpAsync(leg);
        await events.NextAsync<TelephonyEvent.HungUp>(Wait);
        Assert.Equal(0, await carrier.WaitAsync(Wait));
    }
}
