using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.UserAgents;

public sealed class SipTrunkMonitorTests
{
    [Fact]
    public async Task Trunk_is_marked_up_while_it_answers_options_and_down_when_it_stops()
    {
        await using var platform = LoopbackStacks.Create();
        var trunk = LoopbackStacks.Create();
        var trunkAddress = LoopbackStacks.Udp(trunk);
        var states = new List<TrunkState>();
        using var monitor = new SipTrunkMonitor(platform, SipUri.Create(null, "127.0.0.1", trunk.Port), trunkAddress, TimeSpan.FromMilliseconds(200));
        monitor.StateChanged += s => { lock (states) states.Add(s); };

        monitor.Start();
        await WaitForAsync(() => monitor.State == TrunkState.Up);
        await trunk.DisposeAsync();
        await WaitForAsync(() => monitor.State == TrunkState.Down);

        lock (states) Assert.Equal([TrunkState.Up, TrunkState.Down], states);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
