using System.Text.Json;
using Outbound.Cli.Tests.Support;

namespace Outbound.Cli.Tests.Commands;

/// <summary><c>outbound bench media</c> run as a process: real relays and sockets on loopback, no database.</summary>
public sealed class BenchMediaCommandTests
{
    [Fact]
    public async Task Every_packet_of_every_call_crosses_the_relays_and_is_counted_once()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(null, "bench", "media", "--calls", "10", "--seconds", "2", "--json");

        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        // 10 calls × 2 directions × 50 packets/s × 2 s.
        Assert.Equal(2000, json.GetProperty("packets_sent").GetInt64());
        Assert.Equal(2000, json.GetProperty("packets_relayed").GetInt64());
        Assert.Equal(0, json.GetProperty("lost").GetInt64());
    }

    [Fact]
    public async Task An_out_of_range_call_count_is_a_usage_error()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(null, "bench", "media", "--calls", "0", "--json");

        Assert.NotEqual(0, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("--calls", stderr);
    }
}
