using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Port;
using Outbound.Telephony.Simulated;

namespace Outbound.Telephony.Tests.Simulated;

public sealed class SimulatedTelephonyTests
{
    private sealed class Recorder : ITelephonyEventSink
    {
        public ConcurrentQueue<TelephonyEvent> Events { get; } = new();
        public void On(TelephonyEvent telephonyEvent) => Events.Enqueue(telephonyEvent);
        public IEnumerable<TelephonyEvent> For(CallLegId leg) => Events.Where(e => e.Leg == leg);
    }

    private static OriginateRequest Call(int i) => new($"+86138{i:D8}", "+861095598", TimeSpan.FromSeconds(25), DetectMachine: true);

    private static async Task<(FakeTimeProvider Time, Recorder Sink, List<CallLegId> Legs)> PlaceCalls(SimulatedCarrierOptions options, int calls)
    {
        var time = new FakeTimeProvider();
        var carrier = new SimulatedTelephony(options, time);
        var sink = new Recorder();
        var legs = new List<CallLegId>();
        for (var i = 0; i < calls; i++) legs.Add(await carrier.OriginateAsync(Call(i), sink));
        Run(time, TimeSpan.FromMinutes(30));
        return (time, sink, legs);
    }

    /// <summary>Advances in small steps: timers set by a firing timer fall due in a later step.</summary>
    private static void Run(FakeTimeProvider time, TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromMilliseconds(500)) time.Advance(TimeSpan.FromMilliseconds(500));
    }

    private static string Fate(Recorder sink, CallLegId leg) => sink.For(leg).First(e => e is TelephonyEvent.Answered or TelephonyEvent.Failed) switch
    {
        TelephonyEvent.Answered a => "answered:" + a.By,
        TelephonyEvent.Failed f => "failed:" + f.Reason,
        _ => "?",
    };

    [Fact]
    public async Task Outcomes_follow_the_configured_distribution()
    {
        var options = new SimulatedCarrierOptions { Seed = 7, HumanAnswerRate = 0.4, MachineRate = 0.2, BusyRate = 0.1, AmdFalsePositiveRate = 0 };
        var (_, sink, legs) = await PlaceCalls(options, 4000);
        var fates = legs.Select(l => Fate(sink, l)).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count() / 4000.0);
        Assert.InRange(fates["answered:Human"], 0.37, 0.43);
        Assert.InRange(fates["answered:Machine"], 0.17, 0.23);
        Assert.InRange(fates["failed:Busy"], 0.08, 0.12);
        // Rings of 3–18 s never reach the 25 s timeout, so no-answer is what is left: 1 − 0.74.
        Assert.InRange(fates["failed:NoAnswer"], 0.23, 0.29);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_calls()
    {
        var options = new SimulatedCarrierOptions { Seed = 42 };
        var (_, first, firstLegs) = await PlaceCalls(options, 200);
        var (_, second, secondLegs) = await PlaceCalls(options, 200);
        Assert.Equal(firstLegs.Select(l => Fate(first, l)), secondLegs.Select(l => Fate(second, l)));
    }

    [Fact]
    public async Task An_answered_human_hangs_up_after_talking_and_nothing_follows_the_hangup()
    {
        var (_, sink, legs) = await PlaceCalls(new SimulatedCarrierOptions { Seed = 3, HumanAnswerRate = 1, MachineRate = 0, BusyRate = 0, InvalidRate = 0, CongestionRate = 0, RejectedRate = 0, AmdFalsePositiveRate = 0 }, 20);
        foreach (var leg in legs)
        {
            var events = sink.For(leg).ToList();
            Assert.IsType<TelephonyEvent.Ringing>(events[0]);
            Assert.Equal(AnsweredBy.Human, Assert.IsType<TelephonyEvent.Answered>(events[1]).By);
            Assert.True(Assert.IsType<TelephonyEvent.HungUp>(events[^1]).ByRemote);
            Assert.Single(events, e => e is TelephonyEvent.HungUp);
        }
    }

    [Fact]
    public async Task Hanging_up_a_ringing_call_cancels_its_answer()
    {
        var time = new FakeTimeProvider();
        var carrier = new SimulatedTelephony(new SimulatedCarrierOptions { HumanAnswerRate = 1, MachineRate = 0, BusyRate = 0, InvalidRate = 0, CongestionRate = 0, RejectedRate = 0 }, time);
        var sink = new Recorder();
        var leg = await carrier.OriginateAsync(Call(1), sink);
        time.Advance(TimeSpan.FromSeconds(1));
        await carrier.HangUpAsync(leg);
        Run(time, TimeSpan.FromMinutes(10));
        Assert.Equal([typeof(TelephonyEvent.Ringing), typeof(TelephonyEvent.HungUp)], sink.For(leg).Select(e => e.GetType()));
        Assert.Equal(0, carrier.LegsUp);
    }

    [Fact]
    public async Task A_nailed_up_agent_leg_is_bridged_to_an_answered_call()
    {
        var time = new FakeTimeProvider();
        var carrier = new SimulatedTelephony(new SimulatedCarrierOptions { HumanAnswerRate = 1, MachineRate = 0, BusyRate = 0, InvalidRate = 0, CongestionRate = 0, RejectedRate = 0, AmdFalsePositiveRate = 0 }, time);
        var sink = new Recorder();
        var agent = await carrier.ConnectAgentAsync(new AgentEndpoint("a1", "sim:a1"), sink);
        var customer = await carrier.OriginateAsync(Call(1), sink);
        await Assert.ThrowsAsync<InvalidOperationException>(() => carrier.BridgeAsync(customer, agent));
        time.Advance(TimeSpan.FromSeconds(20));
        await carrier.BridgeAsync(customer, agent);
        Assert.Contains(sink.For(agent), e => e is TelephonyEvent.Bridged b && b.Other == customer);
        Run(time, TimeSpan.FromHours(1));
        Assert.DoesNotContain(sink.For(agent), e => e is TelephonyEvent.HungUp); // the agent's leg stays up
    }

    [Fact]
    public async Task Hold_gives_the_customer_music_and_the_agent_silence_and_a_mix_follows_the_modes()
    {
        var time = new FakeTimeProvider();
        var carrier = new SimulatedTelephony(new SimulatedCarrierOptions { HumanAnswerRate = 1, MachineRate = 0, BusyRate = 0, InvalidRate = 0, CongestionRate = 0, RejectedRate = 0, AmdFalsePositiveRate = 0, TalkSecondsMean = 3600 }, time);
        var sink = new Recorder();
        var agent = await carrier.ConnectAgentAsync(new AgentEndpoint("a1", "sim:a1"), sink);
        var supervisor = await carrier.ConnectAgentAsync(new AgentEndpoint("s1", "sim:s1"), sink);
        var customer = await carrier.OriginateAsync(Call(1), sink);
        time.Advance(TimeSpan.FromSeconds(20));
        await carrier.BridgeAsync(customer, agent);
        Assert.Equal([agent], carrier.Hearing(customer).From);

        await carrier.HoldAsync(customer, "moh");
        Assert.Equal(("moh", 0), (carrier.Hearing(customer).Music, carrier.Hearing(customer).From.Count));
        Assert.Empty(carrier.Hearing(agent).From);
        await carrier.RetrieveAsync(customer);
        Assert.False(carrier.Hearing(customer).OnHold);

        await carrier.MixAsync("call-1", [new(customer), new(agent), new(supervisor, MixMode.Whisper, agent)]);
        Assert.Equal([agent], carrier.Hearing(customer).From);
        Assert.Equal([customer, supervisor], carrier.Hearing(agent).From);
        Assert.Equal([customer, agent], carrier.Hearing(supervisor).From);

        await carrier.MixAsync("call-1", [new(customer), new(supervisor)]);   // intercept: the agent leaves
        Assert.Empty(carrier.Hearing(agent).From);
        Assert.Equal([supervisor], carrier.Hearing(customer).From);

        await carrier.HangUpAsync(supervisor);
        Assert.Empty(carrier.Hearing(customer).From);
    }

    [Fact]
    public void Rates_that_add_up_to_more_than_one_are_refused()
    {
        var bad = new SimulatedCarrierOptions { HumanAnswerRate = 0.9, MachineRate = 0.5 };
        Assert.Throws<ArgumentException>(() => new SimulatedTelephony(bad, TimeProvider.System));
    }
}
