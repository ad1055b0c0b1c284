using CsCheck;
using Outbound.Core.Desk;

namespace Outbound.Core.Tests.Desk;

/// <summary>
/// Random sequences of agent actions and call events (CsCheck: PCG-seeded, a failure reports its seed and is shrunk to the shortest failing sequence) played
/// through <see cref="DeskWorld"/>: the desk always gets back to ready by the agent's own buttons, and every answered
/// call ends with exactly one stored result.
/// </summary>
public sealed class DeskMachinePropertyTests
{
    private static readonly Gen<int[]> Sequences = Gen.Int[0, 9_999].Array[0, 120];

    private static DeskWorld Play(int[] choices)
    {
        var world = new DeskWorld();
        foreach (var choice in choices) world.Step(choice);
        return world;
    }

    [Fact]
    public void No_sequence_of_agent_actions_and_call_events_leaves_the_desk_unable_to_reach_ready_without_a_supervisor() =>
        Sequences.Sample(choices =>
        {
            var world = Play(choices);
            Assert.True(world.Recover(), "stuck:\n" + world.Describe());
        }, iter: 3_000, threads: 1);

    [Fact]
    public void Every_answered_call_ends_with_exactly_one_stored_result() =>
        Sequences.Sample(choices =>
        {
            var world = Play(choices);
            Assert.True(world.Recover(), "stuck:\n" + world.Describe());
            world.CheckResults();
            Assert.Equal(DeskState.Ready, world.Desk.State);
        }, iter: 3_000, threads: 1);

    [Fact]
    public void The_sequences_reach_every_state_of_the_desk()
    {
        var seen = new HashSet<DeskState>();
        Sequences.Sample(choices =>
        {
            var world = new DeskWorld();
            foreach (var choice in choices)
            {
                world.Step(choice);
                seen.Add(world.Desk.State);
            }
        }, iter: 500, threads: 1);
        Assert.Equal(Enum.GetValues<DeskState>().ToHashSet(), seen);
    }
}
