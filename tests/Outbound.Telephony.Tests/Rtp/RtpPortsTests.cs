using System.Net;
using Outbound.Telephony.Rtp.Relay;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Sessions;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class RtpPortsTests
{
    [Fact]
    public async Task Sessions_and_relays_bind_even_ports_inside_the_configured_range()
    {
        var range = new RtpPortRange(41001, 41101);
        await using var session = RtpSession.Open(new IPEndPoint(IPAddress.Loopback, 0), ports: range);
        await using var relay = RtpRelay.Start(IPAddress.Loopback, ports: range);
        var ports = new[] { session.LocalEndPoint.Port, relay.LocalEndPoint(RecordingLeg.A).Port, relay.LocalEndPoint(RecordingLeg.B).Port };
        Assert.All(ports, p => Assert.Equal(0, p % 2));
        Assert.All(ports, p => Assert.InRange(p, 41002, 41100));
        Assert.Equal(3, ports.Distinct().Count());
    }

    [Fact]
    public void Ephemeral_rtp_ports_are_even()
    {
        for (var i = 0; i < 10; i++)
        {
            using var socket = RtpPorts.BindEven(IPAddress.Loopback);
            Assert.Equal(0, ((IPEndPoint)socket.LocalEndPoint!).Port % 2);
        }
    }

    [Fact]
    public void A_full_range_fails_with_a_clear_error()
    {
        var range = new RtpPortRange(41200, 41201);
        using var taken = RtpPorts.BindEven(IPAddress.Loopback, range);
        var error = Assert.Throws<InvalidOperationException>(() => RtpPorts.BindEven(IPAddress.Loopback, range));
        Assert.Contains("41200", error.Message);
        Assert.Throws<ArgumentException>(() => RtpPorts.BindEven(IPAddress.Loopback, new RtpPortRange(500, 100)));
    }
}
