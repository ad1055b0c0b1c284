using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Port;
using Outbound.Telephony.Sip.UserAgents;
using Outbound.Telephony.SipAdapter;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>The OPTIONS keep-alive decides whether calls are tried at all: a silent trunk is down until it answers again.</summary>
public sealed class SipTelephonyTrunkStateTests : IDisposable
{
    private readonly Socket _trunk = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public SipTelephonyTrunkStateTests() => _trunk.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public void Dispose() => _trunk.Dispose();

    private int TrunkPort => ((IPEndPoint)_trunk.LocalEndPoint!).Port;

    private async Task AdvanceUntilAsync(Func<bool> done, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; !done() && waited < limit; waited += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
    }

    /// <summary>Everything the trunk received so far, as request lines.</summary>
    private List<(string Text, EndPoint From)> Drain()
    {
        var received = new List<(string, EndPoint)>();
        var buffer = new byte[8192];
        while (_trunk.Available > 0)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            var length = _trunk.ReceiveFrom(buffer, ref from);
            received.Add((Encoding.UTF8.GetString(buffer, 0, length), from));
        }
        return received;
    }

    private void AnswerOk(string request, EndPoint to)
    {
        var lines = request.Split("\r\n");
        string Header(string name) => lines.First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        var ok = string.Join("\r\n", "SIP/2.0 200 OK", Header("Via"), Header("From"), Header("To") + ";tag=trunk1", Header("Call-ID"), Header("CSeq"),
            "Content-Length: 0", "", "");
        _trunk.SendTo(Encoding.UTF8.GetBytes(ok), to);
    }

    [Fact]
    public async Task Silent_trunk_is_down_calls_fail_without_an_invite_and_an_answered_probe_brings_it_back()
    {
        await using var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, new SipAgentDirectory(), _time);
        await telephony.StartAsync(new SipTrunkSettings
        {
            Host = "127.0.0.1", Port = TrunkPort, CallerId = "02150001234", OptionsInterval = TimeSpan.FromSeconds(60),
        });

        await AdvanceUntilAsync(() => telephony.TrunkState == TrunkState.Down, TimeSpan.FromSeconds(40));
        Assert.Equal(TrunkState.Down, telephony.TrunkState);
        var events = new EventLog();
        await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(20), false), events);
        Assert.Equal(FailureReason.TrunkDown, (await events.NextAsync<TelephonyEvent.Failed>(TimeSpan.FromSeconds(5))).Reason);
        Assert.All(Drain(), m => Assert.StartsWith("OPTIONS ", m.Text));

        // The next probe is answered: the trunk is up and calls go out again.
        await AdvanceUntilAsync(() => _trunk.Available > 0, TimeSpan.FromSeconds(61));
        var probe = Assert.Single(Drain(), m => m.Text.StartsWith("OPTIONS ", StringComparison.Ordinal));
        AnswerOk(probe.Text, probe.From);
        for (var i = 0; i < 100 && telephony.TrunkState != TrunkState.Up; i++) await Task.Delay(20);
        Assert.Equal(TrunkState.Up, telephony.TrunkState);
        await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(20), false), new EventLog());
        for (var i = 0; i < 100 && _trunk.Available == 0; i++) await Task.Delay(20);
        Assert.Contains(Drain(), m => m.Text.StartsWith("INVITE sip:13800138000@127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trunk_set_while_running_takes_new_calls_and_a_second_change_moves_them_again()
    {
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        second.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, new SipAgentDirectory(), _time);
        await telephony.StartAsync(null);
        var events = new EventLog();
        await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(20), false), events);
        Assert.Equal(FailureReason.TrunkDown, (await events.NextAsync<TelephonyEvent.Failed>(TimeSpan.FromSeconds(5))).Reason);

        SipTrunkSettings At(Socket socket) => new()
        {
            Host = "127.0.0.1", Port = ((IPEndPoint)socket.LocalEndPoint!).Port, CallerId = "02150001234", OptionsInterval = TimeSpan.Zero,
        };
        Assert.True(await telephony.UseTrunkAsync(At(_trunk)));
        Assert.Equal(At(_trunk), telephony.Trunk);
        await telephony.OriginateAsync(new OriginateRequest("13800138001", "", TimeSpan.FromSeconds(20), false), new EventLog());
        for (var i = 0; i < 100 && _trunk.Available == 0; i++) await Task.Delay(20);
        Assert.Contains(Drain(), m => m.Text.StartsWith("INVITE sip:13800138001@", StringComparison.Ordinal));

        Assert.True(await telephony.UseTrunkAsync(At(second)));
        await telephony.OriginateAsync(new OriginateRequest("13800138002", "", TimeSpan.FromSeconds(20), false), new EventLog());
        var buffer = new byte[8192];
        second.ReceiveTimeout = 3000;
        var invite = Encoding.UTF8.GetString(buffer, 0, second.Receive(buffer));
        Assert.StartsWith("INVITE sip:13800138002@", invite, StringComparison.Ordinal);
        Assert.DoesNotContain(Drain(), m => m.Text.StartsWith("INVITE sip:13800138002@", StringComparison.Ordinal));

        Assert.False(await telephony.UseTrunkAsync(At(second) with { Host = "no-such-trunk.invalid" }));
        Assert.Equal(TrunkState.Down, telephony.TrunkState);
    }
}
