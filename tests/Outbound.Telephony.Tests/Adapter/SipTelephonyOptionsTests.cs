using Outbound.Telephony.SipAdapter;

namespace Outbound.Telephony.Tests.Adapter;

public sealed class SipTelephonyOptionsTests
{
    [Fact]
    public void Defaults_are_usable() => Assert.Empty(new SipTelephonyOptions().Problems());

    [Theory]
    [InlineData("0.0.0.0", 0, 0)]
    [InlineData("not-an-ip", 0, 0)]
    [InlineData("127.0.0.1", 20000, 0)]
    [InlineData("127.0.0.1", 20010, 20000)]
    public void Wildcard_or_bad_addresses_and_broken_port_ranges_are_refused(string bind, int first, int last) =>
        Assert.NotEmpty(new SipTelephonyOptions { BindAddress = bind, RtpPortFirst = first, RtpPortLast = last }.Problems());
}
