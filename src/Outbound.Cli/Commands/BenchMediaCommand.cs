using System.Text.Json;
using Outbound.Cli.Bench;

namespace Outbound.Cli.Commands;

/// <summary><c>bench media --calls N --seconds S [--json]</c>: RTP through our relay on loopback, counting lost packets.</summary>
public static class BenchMediaCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var calls = args.Int("calls", 500);
        var seconds = args.Int("seconds", 60);
        if (calls is < 1 or > 5000) throw new CliUsageException("--calls must be 1–5000");
        if (seconds is < 1 or > 3600) throw new CliUsageException("--seconds must be 1–3600");
        var result = await new MediaRelayBench(calls, seconds).RunAsync();
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                calls = result.Calls,
                seconds = result.Seconds,
                packets_sent = result.PacketsSent,
                packets_relayed = result.PacketsRelayed,
                lost = result.Lost,
                send_seconds = result.SendSeconds,
            }));
        else
            Console.Error.WriteLine($"{result.Calls} calls × {result.Seconds} s: sent {result.PacketsSent}, relayed {result.PacketsRelayed}, lost {result.Lost}, sending took {result.SendSeconds} s");
        return result.Lost == 0 ? 0 : 1;
    }
}
