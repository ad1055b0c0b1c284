using Outbound.Cli.Bench;

namespace Outbound.Cli.Tests.Bench;

/// <summary>A small real run of the SIP bench (sipp → B2BUA → sipp); the figures' size is not asserted, only that they are real.</summary>
public sealed class SipBenchTests
{
    [Fact]
    public async Task Small_run_completes_every_call_through_the_b2bua_and_measures_setup_times()
    {
        var result = await SipBench.RunAsync(calls: 30, rate: 30);

        Assert.Equal(30, result.Calls);
        Assert.Equal(0, result.Failed);
        Assert.Equal(30, result.B2buaAnswered);
        Assert.True(result.CallsPerSecond > 0);
        Assert.False(double.IsNaN(result.P99SetupMs), "sipp wrote no response times");
        Assert.True(result.P50SetupMs <= result.P99SetupMs);
    }
}
