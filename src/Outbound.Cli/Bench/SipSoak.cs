using System.Diagnostics;
using System.Globalization;
using System.Net;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Cli.Bench;

/// <summary>What a soak run saw: calls, losses, how calls ended, what was left open, and the managed heap after forced collections.</summary>
public sealed record SipSoakResult(double Minutes, long Calls, long Answered, long Failed, long DatagramsLost, int ByesLost,
    long SessionsExpired, long NoAck, long DialogsOpen, long CallsOpen, int TransactionsOpen,
    double HeapMbWarm, double HeapMbEndOfLoad, double HeapMbDrained);

/// <summary>
/// Mixed calls for a while through a lossy network: sipp callers (session timer asked for, hold and resume by
/// re-INVITE, BYE) → <see cref="ImpairedUdpRelay"/> (random loss both ways, and BYEs that never arrive) → our
/// <see cref="SipB2bua"/> with 90 s session timers → a sipp callee that answers any re-INVITE. After the load, calls whose
/// BYE was lost must be ended by the session timers; the heap is measured (after a forced full collection) once warm,
/// at the end of the load and once everything has drained.
/// </summary>
public static class SipSoak
{
    private static readonly TimeSpan SessionInterval = TimeSpan.FromSeconds(90);

    public static async Task<SipSoakResult> RunAsync(double minutes, int rate, int pauseMs, double loss, double byeLoss, Action<string> progress)
    {
        var folder = Directory.CreateTempSubdirectory("outbound-soak-sip-").FullName;
        try
        {
            return await RunInAsync(minutes, rate, pauseMs, loss, byeLoss, folder, progress);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<SipSoakResult> RunInAsync(double minutes, int rate, int pauseMs, double loss, double byeLoss, string folder, Action<string> progress)
    {
        var calls = (int)(minutes * 60 * rate);
        var uasPort = SipBench.FreePort();
        var uasFolder = Path.Combine(folder, "uas");
        using var uas = SippRun.Start(uasFolder,
            ["-sf", SippScenarios.WriteTo(uasFolder, "soak-uas.xml"), "-i", "127.0.0.1", "-p", Text(uasPort), "-nostdin"]);

        await using var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        await using var stack = new SipStack(transport, TimeProvider.System,
            sessionTimers: SessionTimerOptions.Default with { SessionExpires = SessionInterval, MinSe = SessionInterval });
        var b2bua = new SipB2bua(stack, new B2buaRoute(
            new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, uasPort)), "127.0.0.1", uasPort, TimeSpan.FromSeconds(30)));
        await using var relay = new ImpairedUdpRelay(transport.LocalEndPoint, loss, byeLoss, seed: 17);
        await Task.Delay(300);   // let sipp's UAS bind

        var load = TimeSpan.FromMinutes(minutes);
        var uacFolder = Path.Combine(folder, "uac");
        using var uac = SippRun.Start(uacFolder,
            ["-sf", SippScenarios.WriteTo(uacFolder, "soak-uac.xml"), relay.EndPoint.ToString(), "-i", "127.0.0.1", "-p", "0",
             "-m", Text(calls), "-r", Text(rate), "-d", Text(pauseMs), "-l", Text(rate * 60), "-nostdin",
             "-timeout", Text((int)load.TotalSeconds + 300) + "s", "-trace_stat", "-fd", "10"]);

        var clock = Stopwatch.StartNew();
        var warmAt = TimeSpan.FromMinutes(Math.Min(2, minutes / 4));
        await Task.Delay(warmAt);
        var heapWarm = HeapMb();
        progress($"warm after {warmAt.TotalMinutes:F1} min: heap {heapWarm:F1} MB, {b2bua.Active} calls up");
        var uacDone = uac.WaitAsync(load + TimeSpan.FromMinutes(6));
        while (!uacDone.IsCompleted && clock.Elapsed < load)
        {
            await Task.WhenAny(uacDone, Task.Delay(TimeSpan.FromMinutes(1)));
            progress($"{clock.Elapsed.TotalMinutes:F1} min: answered {b2bua.Answered}, up {b2bua.Active}, dialogs {stack.DialogCount}, "
                     + $"transactions {stack.Transactions.Count}, lost datagrams {relay.Dropped}, lost BYEs {relay.ByesLost}");
        }
        var heapEndOfLoad = HeapMb();
        await uacDone;
        var stats = uac.LastStatistics();

        // Calls whose BYE was lost end when their session expires (the interval less 30 s after the last refresh or re-INVITE).
        var drainLimit = Stopwatch.StartNew();
        while ((b2bua.Active > 0 || stack.DialogCount > 0 || stack.Transactions.Count > 0) && drainLimit.Elapsed < SessionInterval * 3)
            await Task.Delay(TimeSpan.FromSeconds(1));
        var heapDrained = HeapMb();
        uas.Kill();

        return new SipSoakResult(Math.Round(clock.Elapsed.TotalMinutes, 1), calls, Long(stats, "SuccessfulCall(C)"), Long(stats, "FailedCall(C)"),
            relay.Dropped, relay.ByesLost, b2bua.Ends.GetValueOrDefault(SipCallEnd.SessionExpired), b2bua.Ends.GetValueOrDefault(SipCallEnd.NoAck),
            stack.DialogCount, b2bua.Active, stack.Transactions.Count, heapWarm, heapEndOfLoad, heapDrained);
    }

    /// <summary>The managed heap in MB after a forced, compacting full collection.</summary>
    private static double HeapMb()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return Math.Round(GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0, 1);
    }

    private static long Long(Dictionary<string, string> stats, string key) =>
        stats.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
