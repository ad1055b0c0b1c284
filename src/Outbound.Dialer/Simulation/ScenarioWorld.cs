using System.Collections.Concurrent;
using Outbound.Core.Simulation;
using Outbound.Dialer.Bots;
using Outbound.Telephony.Port;
using Outbound.Telephony.Simulated;

namespace Outbound.Dialer.Simulation;

/// <summary>
/// A pacing scenario's world for the dialer's own actors: the callees the simulated carrier puts on the line and the
/// people at the desks, drawn from <see cref="ScenarioDraws"/> exactly as the reference simulator draws them. What each
/// number turned out to be is kept, so that agents can hear a machine and the bench can count the truth.
/// </summary>
public sealed class ScenarioWorld(PacingScenario scenario, DateTimeOffset shiftStart)
{
    private readonly ConcurrentDictionary<string, CalleeDraw> _callees = new(StringComparer.Ordinal);

    public ScenarioDraws Draws { get; } = new(scenario);
    public PacingScenario Scenario => scenario;
    public DateTimeOffset ShiftStart => shiftStart;
    public DateTimeOffset ShiftEnd => shiftStart + TimeSpan.FromHours(scenario.Hours);

    /// <summary>The callee behind this number (a number outside the list never answers).</summary>
    public CalleeDraw? CalleeOf(string phoneE164) => _callees.GetValueOrDefault(phoneE164);

    /// <summary>For <see cref="SimulatedTelephony"/>: who answers an origination, drawn for its list position and the time.</summary>
    public SimulatedOutcome Originate(OriginateRequest request, DateTimeOffset at)
    {
        var draw = ScenarioDraws.IndexOf(request.Number) is { } index
            ? Draws.Callee(index, (at - shiftStart).TotalSeconds)
            : new CalleeDraw(DialedParty.NoAnswer, scenario.NoAnswerSeconds, false, 0);
        _callees[request.Number] = draw;
        var ring = TimeSpan.FromSeconds(draw.RingSeconds);
        var talk = TimeSpan.FromSeconds(draw.TalkSeconds);
        return draw.Party switch
        {
            DialedParty.Human => new SimulatedOutcome(draw.FalsePositive ? AnsweredBy.Machine : AnsweredBy.Human, null, ring, talk),
            DialedParty.Machine => new SimulatedOutcome(AnsweredBy.Machine, null, ring, talk),
            DialedParty.Busy => new SimulatedOutcome(null, FailureReason.Busy, ring, TimeSpan.Zero),
            _ => new SimulatedOutcome(null, FailureReason.NoAnswer, TimeSpan.MaxValue, TimeSpan.Zero),
        };
    }

    /// <summary>The behaviour of the <paramref name="agent"/>-th agent.</summary>
    public IAgentBehaviour Agent(int agent) => new Person(this, agent);

    private sealed class Person(ScenarioWorld world, int agent) : IAgentBehaviour
    {
        public TimeSpan Reaction(int n) => TimeSpan.FromSeconds(world.Draws.Reaction(agent, n));

        public (TimeSpan DueAfter, TimeSpan Length)? Break(int n) =>
            world.Draws.Break(agent, n) is { } b ? (TimeSpan.FromSeconds(b.DueAfter), TimeSpan.FromSeconds(b.Length)) : null;

        public TimeSpan Wrap(int call) => TimeSpan.FromSeconds(world.Draws.Wrap(agent, call));

        public TimeSpan MachineWrap => TimeSpan.FromSeconds(PacingSimulator.MachineWrapSeconds);

        public bool IsMachine(string phoneE164) => world.CalleeOf(phoneE164)?.Party == DialedParty.Machine;
    }
}
