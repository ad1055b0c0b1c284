using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Campaigns;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Agents;

/// <summary>
/// 内部呼叫 on the Sip adapter with real phones: two baresip softphones (440 Hz and 1 kHz tones) registered and nailed up
/// at their agents' logins; what each phone hears is read from its received-audio dump.
/// </summary>
public sealed class SipInternalCallSpecs : TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly PgTestDatabase _db = new();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-sip-internal-");
    private readonly List<IDisposable> _phones = [];
    private SipTelephony? _telephony;

    public Task InitializeAsync() => _db.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_telephony is not null) await _telephony.DisposeAsync();
        _phones.ForEach(p => p.Dispose());
        await _db.DisposeAsync();
        _work.Delete(recursive: true);
    }

    private sealed record Agent(IActorRef Session, TestProbe Desk, BaresipProcess Phone, PhoneDump Heard);

    /// <summary>The agent's phone (sending a <paramref name="toneHz"/> sine) registered, the agent logged in with it nailed up, then in the state asked for.</summary>
    private async Task<Agent> LoginAsync(DialerServices services, CampaignId campaign, string id, int toneHz, string? notReady = null)
    {
        var telephony = _telephony!;
        var dump = _work.CreateSubdirectory(id).FullName;
        var phone = BaresipProcess.Start(id, "Secret-" + id, telephony.Stack.Port, toneHz, dump);
        _phones.Add(phone);
        await DialerFixture.Eventually(() => Task.FromResult(telephony.Registrar.Lookup(id).Count > 0), Patience, $"{id}'s phone registers; baresip said:\n{phone.Output}");

        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props(id, CreateTestProbe(), desk, services));
        await session.Ask<AgentStateReply>(new AgentCommands.Login(campaign), Patience);
        await DialerFixture.Eventually(() => Task.FromResult(phone.Output.Contains("Call established", StringComparison.Ordinal)), Patience,
            $"{id}'s phone answers its nailed-up leg; baresip said:\n{phone.Output}");
        session.Tell(notReady is null ? new AgentCommands.Ready() : new AgentCommands.NotReady(notReady));
        ExpectState(desk, notReady is null ? AgentState.Ready : AgentState.NotReady, notReady);
        return new Agent(session, desk, phone, new PhoneDump(dump, phone));
    }

    private static void ExpectState(TestProbe desk, AgentState state, string? reason = null) =>
        desk.FishForMessage(m => m is AgentEvents.StateChanged s && s.State == state && (reason is null || s.Reason == reason), Patience);

    private static InternalCallChanged ExpectPhase(TestProbe desk, InternalCallPhase phase) =>
        (InternalCallChanged)desk.FishForMessage(m => m is InternalCallChanged c && c.Phase == phase, Patience);

    [Fact]
    public async Task The_callers_phone_hears_ringback_then_the_two_phones_hear_each_other_and_nothing_once_it_is_hung_up()
    {
        var (_, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        var agents = new SipAgentDirectory(new[] { "int-a", "int-b" }.Select(id => SipAgentAccount.FromPassword(id, id, "outbound", "Secret-" + id)));
        var telephony = _telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, agents, TimeProvider.System);
        await telephony.StartAsync(trunk: null);
        var services = DialerFixture.ServicesOn(_db, telephony, DialerFixture.FastOptions with { InternalRingTimeout = Patience });
        var a = await LoginAsync(services, campaign, "int-a", toneHz: 440);
        var b = await LoginAsync(services, campaign, "int-b", toneHz: 1000, notReady: "break");

        var placed = await a.Session.Ask<InternalCallReply>(new InternalCallCommands.Call("int-b", b.Session), Patience);
        Assert.Null(placed.Error);
        ExpectPhase(b.Desk, InternalCallPhase.Ringing);
        // While b's desk rings, a's phone hears ringback: its first second is 450 Hz.
        var ringing = a.Heard.Length;
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        var ringback = a.Heard.WrittenSince(ringing);
        Assert.True(ToneMeter.Rms(ringback) > 300 && ToneMeter.Power(ringback, 450) > 50 * ToneMeter.Power(ringback, 1000),
            $"a should hear 450 Hz ringback while b is rung: RMS {ToneMeter.Rms(ringback):F0}");
        var (talkA, talkB) = (a.Heard.Length, b.Heard.Length);
        b.Session.Tell(new InternalCallCommands.Answer());
        ExpectState(a.Desk, AgentState.OnCall, AgentSessionActor.InternalReason);
        ExpectState(b.Desk, AgentState.OnCall, AgentSessionActor.InternalReason);
        await Task.Delay(TimeSpan.FromSeconds(3));
        // The dumps are written as the audio comes (so the silence measured below means something).
        var (duringA, duringB) = (ToneMeter.Rms(a.Heard.WrittenSince(talkA)), ToneMeter.Rms(b.Heard.WrittenSince(talkB)));
        Assert.True(duringA > 300 && duringB > 300, $"while they talk the phones should hear each other: RMS {duringA:F0} (a), {duringB:F0} (b)");

        a.Session.Tell(new InternalCallCommands.HangUp());
        Assert.Equal(InternalCallOutcome.Completed, ExpectPhase(b.Desk, InternalCallPhase.Ended).Outcome);
        ExpectState(a.Desk, AgentState.Ready);
        ExpectState(b.Desk, AgentState.NotReady, "break");
        // Back on their nailed-up legs: whatever the phones get from now on is silence (or nothing at all).
        await Task.Delay(TimeSpan.FromMilliseconds(500));   // packets already on the way, baresip's jitter buffer
        var (markA, markB) = (a.Heard.Length, b.Heard.Length);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (afterA, afterB) = (ToneMeter.Rms(a.Heard.WrittenSince(markA)), ToneMeter.Rms(b.Heard.WrittenSince(markB)));
        Assert.True(afterA < 50 && afterB < 50, $"after the hang-up the phones should be silent: RMS {afterA:F0} (a), {afterB:F0} (b)");
        Assert.Equal(2, telephony.LegsUp);
        foreach (var (agent, state, reason) in new[] { (a, AgentState.Ready, (string?)null), (b, AgentState.NotReady, "break") })
        {
            var reply = await agent.Session.Ask<AgentStateReply>(new AgentCommands.GetState(), Patience);
            Assert.Equal((state, reason), (reply.State, reply.Reason));
        }

        // Both ways: a's phone heard b's 1 kHz and not its own 440 Hz, b's the reverse.
        await telephony.DisposeAsync();
        _telephony = null;
        await Task.Delay(TimeSpan.FromSeconds(1));   // baresip closes its dump files on BYE
        var (heardByA, heardByB) = (a.Heard.Heard(), b.Heard.Heard());
        Assert.True(heardByA.Length >= 8000 && heardByB.Length >= 8000, $"each phone should hear the other for about 3 s: {heardByA.Length}, {heardByB.Length} samples");
        var (a1000, a440) = (ToneMeter.Power(heardByA, 1000), ToneMeter.Power(heardByA, 440));
        var (b440, b1000) = (ToneMeter.Power(heardByB, 440), ToneMeter.Power(heardByB, 1000));
        Assert.True(a1000 > 50 * a440, $"a should hear b's 1 kHz ({a1000:E1}), not its own 440 Hz ({a440:E1})");
        Assert.True(b440 > 50 * b1000, $"b should hear a's 440 Hz ({b440:E1}), not its own 1 kHz ({b1000:E1})");
    }
}
