using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Outbound.Cli.Bench;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench sip --calls N --rate R [--json]</c>: sipp UAC → our B2BUA (in-process, loopback) → sipp UAS.
/// Reports calls, failed calls, achieved calls/s and the 99th percentile of call setup time (INVITE sent →
/// 200 received, as sipp's UAC measured it). Needs no database.
/// </summary>
public static class BenchSipCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var calls = args.Int("calls", 2000);
        var rate = args.Int("rate", 200);
        if (calls <= 0 || rate <= 0) throw new CliUsageException("--calls and --rate must be positive");
        var folder = Directory.CreateTempSubdirectory("outbound-bench-sip-").FullName;
        try
        {
            var result = await RunOnceAsync(calls, rate, folder);
            if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(result));
            else Console.Error.WriteLine($"calls {result.calls}, failed {result.failed}, {result.cps} calls/s, p99 setup {result.p99_setup_ms} ms");
            return result.failed == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Result(int calls, long failed, double cps, double p99_setup_ms);

    private static async Task<Result> RunOnceAsync(int calls, int rate, string folder)
    {
        var uasPort = FreePort();
        using var uas = SippRun.Start(Path.Combine(folder, "uas"),
            ["-sn", "uas", "-i", "127.0.0.1", "-p", Text(uasPort), "-m", Text(calls), "-nostdin", "-timeout", "600s", "-max_socket", "4096"]);

        await using var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        await using var stack = new SipStack(transport, TimeProvider.System);
        var b2bua = new SipB2bua(stack, new B2buaRoute(
            new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, uasPort)), "127.0.0.1", uasPort, TimeSpan.FromSeconds(30)));
        await Task.Delay(300);   // let sipp's UAS bind

        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(60 + 3.0 * calls / rate);
        using var uac = SippRun.Start(Path.Combine(folder, "uac"),
            ["-sn", "uac", $"127.0.0.1:{stack.Port}", "-i", "127.0.0.1", "-p", "0", "-m", Text(calls), "-r", Text(rate),
             "-l", Text(Math.Max(rate * 10, 100)), "-nostdin", "-timeout", Text((int)limit.TotalSeconds) + "s", "-timeout_error",
             "-trace_stat", "-fd", "1", "-trace_rtt", "-rtt_freq", "1"]);
        var uacExit = await uac.WaitAsync(limit + TimeSpan.FromSeconds(10));
        var seconds = clock.Elapsed.TotalSeconds;
        await uas.WaitAsync(TimeSpan.FromSeconds(5));

        var stats = uac.LastStatistics();
        var succeeded = Long(stats, "SuccessfulCall(C)");
        var failed = stats.Count == 0 ? calls : calls - succeeded;
        if (uacExit != 0 && failed == 0) failed = Math.Max(1, Long(stats, "FailedCall(C)"));
        var times = uac.ResponseTimesMs();
        Console.Error.WriteLine($"bench sip: setup ms p50 {Percentile(times, 0.5)}, p90 {Percentile(times, 0.9)}, p99 {Percentile(times, 0.99)}; "
            + $"B2BUA answered {b2bua.Answered}, failed {b2bua.Failed}, dropped datagrams {transport.DroppedCount}");
        return new Result(calls, failed, Math.Round(succeeded / seconds, 1), Percentile(times, 0.99));
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    }

    private static long Long(Dictionary<string, string> stats, string key) =>
        stats.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
