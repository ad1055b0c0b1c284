using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Port;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.UserAgents;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Sip;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>The OPTIONS keep-alive decides whether calls are tried at all: a silent trunk is down until it answers again.</summary>
public sealed class SipTelephonyTrunkStateTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly SipTestPeer _trunk = SipTestPeer.Udp();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _trunk.DisposeAsync();

    private static SipTrunkSettings At(SipTestPeer trunk, TimeSpan optionsInterval) => new()
    {
        Host = "127.0.0.1", Port = trunk.EndPoint.Port, CallerId = "02150001234", OptionsInterval = optionsInterval,
    };

    private async Task AdvanceUntilAsync(Func<bool> done, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; !done() && waited < limit; waited += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Silent_trunk_is_down_calls_fail_without_an_invite_and_an_answered_probe_brings_it_back()
    {
        await using var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, new SipAgentDirectory(), _time);
        await telephony.StartAsync(At(_trunk, TimeSpan.FromSeconds(60)));

        await AdvanceUntilAsync(() => telephony.TrunkState == TrunkState.Down, TimeSpan.FromSeconds(40));
        Assert.Equal(TrunkState.Down, telephony.TrunkState);
        var events = new EventLog();
        await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(20), false), events);
        Assert.Equal(FailureReason.TrunkDown, (await events.NextAsync<TelephonyEvent.Failed>(TimeSpan.FromSeconds(5))).Reason);
        Assert.All(_trunk.TakeArrived(), m => Assert.Equal(SipMethods.Options, Assert.IsType<SipRequest>(m).Method));

        // The next probe is answered: the trunk is up and calls go out again.
        _time.Advance(TimeSpan.FromSeconds(30));
        await _trunk.ExpectRequest(SipMethods.Options).Reply(200);
        for (var i = 0; i < 100 && telephony.TrunkState != TrunkState.Up; i++) await Task.Delay(20);
        Assert.Equal(TrunkState.Up, telephony.TrunkState);
        await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(20), false), new EventLog());
        await _trunk.ExpectRequest(SipMethods.Invite, r => Assert.Equal("sip:13800138000@127.0.0.1:" + _trunk.EndPoint.Port, r.Uri.ToString()));
    }

    [Fact]
    public async Task A_trunk_set_while_running_takes_new_calls_and_a_second_change_moves_them_again()
    {
        await using var second = SipTestPeer.Udp();
        await using var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, new SipAgentDirectory(), _time);
        await telephony.StartAsync(null);
        var events = new EventLog();
        await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(20), false), events);
        Assert.Equal(FailureReason.TrunkDown, (await events.NextAsync<TelephonyEvent.Failed>(TimeSpan.FromSeconds(5))).Reason);

        Assert.True(await telephony.UseTrunkAsync(At(_trunk, TimeSpan.Zero)));
        Assert.Equal(At(_trunk, TimeSpan.Zero), telephony.Trunk);
        await telephony.OriginateAsync(new OriginateRequest("13800138001", "", TimeSpan.FromSeconds(20), false), new EventLog());
        await _trunk.ExpectRequest(SipMethods.Invite, r => Assert.Equal("13800138001", r.Uri.User));

        Assert.True(await telephony.UseTrunkAsync(At(second, TimeSpan.Zero)));
        await telephony.OriginateAsync(new OriginateRequest("13800138002", "", TimeSpan.FromSeconds(20), false), new EventLog());
        await second.ExpectRequest(SipMethods.Invite, r => Assert.Equal("13800138002", r.Uri.User));
        Assert.DoesNotContain(_trunk.TakeArrived(), m => m is SipRequest { Method: SipMethods.Invite } r && r.Uri.User == "13800138002");

        Assert.False(await telephony.UseTrunkAsync(At(second, TimeSpan.Zero) with { Host = "no-such-trunk.invalid" }));
        Assert.Equal(TrunkState.Down, telephony.TrunkState);
    }
}
