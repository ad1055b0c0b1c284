using System.Text.Json;
using Outbound.Cli.Bench;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench sip --calls N --rate R [--json]</c>: sipp UAC → our B2BUA (in-process, loopback) → sipp UAS
/// (<see cref="SipBench"/>). Prints <c>{"calls","failed","cps","p99_setup_ms","goodput_cps","final_within_2s"}</c>; needs no
/// database. A run over capacity fails calls by design (503s), so only a run where every call was answered exits 0.
/// </summary>
public static class BenchSipCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var calls = args.Int("calls", 2000);
        var rate = args.Int("rate", 200);
        if (calls <= 0 || rate <= 0) throw new CliUsageException("--calls and --rate must be positive");
        var result = await SipBench.RunAsync(calls, rate);
        Console.Error.WriteLine($"bench sip: setup ms p50 {result.P50SetupMs}, p90 {result.P90SetupMs}, p99 {result.P99SetupMs}; "
            + $"503s {result.Rejected} (shed at the door {result.Shed}), sipp retransmissions {result.Retransmissions}; "
            + $"B2BUA answered {result.B2buaAnswered}, failed {result.B2buaFailed}, unparseable datagrams {result.Dropped}");
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                calls = result.Calls, failed = result.Failed, cps = result.CallsPerSecond, p99_setup_ms = result.P99SetupMs,
                goodput_cps = result.GoodputCps, final_within_2s = result.FinalWithin2s,
            }));
        else
            Console.Error.WriteLine($"calls {result.Calls}, failed {result.Failed}, {result.CallsPerSecond} calls/s, p99 setup {result.P99SetupMs} ms, "
                                    + $"goodput {result.GoodputCps} calls/s, final within 2 s {result.FinalWithin2s:P1}");
        return result.Failed == 0 ? 0 : 1;
    }
}
