using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.UserAgents;

public sealed class CallOutcomeMapTests
{
    [Theory]
    [InlineData(200, CallOutcome.Answered)]
    [InlineData(486, CallOutcome.Busy)]
    [InlineData(600, CallOutcome.Busy)]
    [InlineData(408, CallOutcome.NoAnswer)]
    [InlineData(480, CallOutcome.NoAnswer)]
    [InlineData(404, CallOutcome.Invalid)]
    [InlineData(484, CallOutcome.Invalid)]
    [InlineData(410, CallOutcome.Invalid)]
    [InlineData(604, CallOutcome.Invalid)]
    [InlineData(503, CallOutcome.Congestion)]
    [InlineData(500, CallOutcome.Congestion)]
    [InlineData(403, CallOutcome.Rejected)]
    [InlineData(603, CallOutcome.Rejected)]
    [InlineData(401, CallOutcome.AuthFailure)]
    [InlineData(407, CallOutcome.AuthFailure)]
    [InlineData(488, CallOutcome.MediaFailure)]
    [InlineData(487, CallOutcome.Cancelled)]
    [InlineData(415, CallOutcome.Failed)]
    public void Final_status_maps_to_the_dialer_outcome(int status, CallOutcome expected) =>
        Assert.Equal(expected, CallOutcomeMap.FromStatus(status));
}
