using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Cli.Bench;

/// <summary>
/// What one <c>bench sip</c> run measured. Setup times are sipp's (UAC INVITE sent → 200 received). Goodput counts the
/// calls answered while load was being offered (the first <c>calls / rate</c> seconds) per second of it; a 503 is a final
/// response too for <see cref="FinalWithin2s"/>, the share of offered calls that had one within two seconds.
/// </summary>
public sealed record SipBenchResult(int Calls, long Failed, double CallsPerSecond, double P50SetupMs, double P90SetupMs, double P99SetupMs,
    double GoodputCps, double FinalWithin2s, long Rejected, long Retransmissions, long B2buaAnswered, long B2buaFailed, long Shed, long Dropped);

/// <summary>
/// sipp UAC (a 503-aware copy of its built-in uac) → our <see cref="SipB2bua"/> on loopback, with its overload control →
/// sipp's built-in UAS. Calls, rejections and timings come from sipp's <c>-trace_stat</c> counters and <c>-trace_rtt</c>
/// file.
/// </summary>
public static class SipBench
{
    public static async Task<SipBenchResult> RunAsync(int calls, int rate)
    {
        var folder = Directory.CreateTempSubdirectory("outbound-bench-sip-").FullName;
        try
        {
            return await RunInAsync(calls, rate, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<SipBenchResult> RunInAsync(int calls, int rate, string folder)
    {
        var uasPort = FreePort();
        using var uas = SippRun.Start(Path.Combine(folder, "uas"),
            ["-sn", "uas", "-i", "127.0.0.1", "-p", Text(uasPort), "-m", Text(calls), "-nostdin", "-timeout", "600s"]);

        await using var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        await using var stack = new SipStack(transport, TimeProvider.System);
        var b2bua = new SipB2bua(stack, new B2buaRoute(
            new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, uasPort)), "127.0.0.1", uasPort, TimeSpan.FromSeconds(30)));
        await Task.Delay(300);   // let sipp's UAS bind

        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(60 + 3.0 * calls / rate);
        var uacFolder = Path.Combine(folder, "uac");
        using var uac = SippRun.Start(uacFolder,
            ["-sf", SippScenarios.WriteTo(uacFolder, "bench-uac.xml"), $"127.0.0.1:{stack.Port}", "-i", "127.0.0.1", "-p", "0", "-m", Text(calls),
             "-r", Text(rate), "-l", Text(Math.Max(rate * 10, 100)), "-nostdin", "-timeout", Text((int)limit.TotalSeconds) + "s", "-timeout_error",
             "-trace_stat", "-fd", "1", "-trace_rtt", "-rtt_freq", "1"]);
        var uacExit = await uac.WaitAsync(limit + TimeSpan.FromSeconds(10));
        var seconds = clock.Elapsed.TotalSeconds;
        await uas.WaitAsync(TimeSpan.FromSeconds(5));

        var stats = uac.LastStatistics();
        var finals = uac.ResponseTimes();
        var answered = finals.Where(f => f.Rtd == "answered").ToList();
        var rejected = finals.Count(f => f.Rtd == "rejected");
        // The scenario ends a rejected call without failing it: sipp's successes less the 503s are the answered calls.
        var succeeded = stats.Count == 0 ? 0 : Math.Max(0, Long(stats, "SuccessfulCall(C)") - rejected);
        var failed = calls - succeeded;
        if (uacExit != 0 && failed == 0) failed = Math.Max(1, Long(stats, "FailedCall(C)"));
        var loadMs = 1000.0 * calls / rate;
        var setup = answered.Select(a => a.ElapsedMs).Order().ToList();
        return new SipBenchResult(calls, failed, Math.Round(succeeded / seconds, 1),
            Percentile(setup, 0.5), Percentile(setup, 0.9), Percentile(setup, 0.99),
            GoodputCps: Math.Round(answered.Count(a => a.AtMs <= loadMs) / (loadMs / 1000), 1),
            FinalWithin2s: Math.Round((double)finals.Count(f => f.ElapsedMs <= 2000) / calls, 4),
            rejected, Long(stats, "Retransmissions(C)"), b2bua.Answered, b2bua.Failed, transport.Admission.Shed, transport.DroppedCount);
    }

    /// <summary>Nearest-rank percentile of sorted values (NaN when there are none).</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static long Long(Dictionary<string, string> stats, string key) =>
        stats.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
