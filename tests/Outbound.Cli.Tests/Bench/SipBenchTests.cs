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
        // On a busy test machine the overload control may shed a few INVITEs with a 503 at once: those are final answers,
        // not losses. Every other call is answered through the B2BUA.
        Assert.Equal(result.Rejected, result.Failed);
        Assert.Equal(30 - result.Rejected, result.B2buaAnswered);
        Assert.True(result.B2buaAnswered > 0);
        Assert.True(result.CallsPerSecond > 0);
        Assert.False(double.IsNaN(result.P99SetupMs), "sipp wrote no response times");
        Assert.True(result.P50SetupMs <= result.P99SetupMs);
    }
}
