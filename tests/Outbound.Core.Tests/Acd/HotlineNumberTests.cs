using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class HotlineNumberTests
{
    [Theory]
    [InlineData("95598", "95598")]
    [InlineData("+8695598", "95598")]
    [InlineData("008695598", "95598")]
    [InlineData("02150001234", "+862150001234")]
    [InlineData("021-5000 1234", "862150001234")]
    [InlineData("13800138000", "+86 138 0013 8000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("4008001234", "+864008001234")]
    [InlineData("+12125551234", "0012125551234")]
    public void The_same_number_written_by_the_carrier_and_by_the_campaign_manager_matches(string sent, string configured) =>
        Assert.True(HotlineNumber.Same(sent, configured), $"{sent} = {configured}: keys {HotlineNumber.Key(sent)} and {HotlineNumber.Key(configured)}");

    [Theory]
    [InlineData("95598", "95599")]
    [InlineData("95598", "+195598")]
    [InlineData("02150001234", "02150001235")]
    [InlineData("+12125551234", "2125551234")]
    public void Different_numbers_do_not_match(string a, string b) => Assert.False(HotlineNumber.Same(a, b));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anonymous")]
    [InlineData("+")]
    [InlineData("95598;npdi")]
    public void Text_that_is_not_a_number_has_no_key_and_matches_nothing(string? raw)
    {
        Assert.Null(HotlineNumber.Key(raw));
        Assert.False(HotlineNumber.Same(raw, raw));
    }
}
