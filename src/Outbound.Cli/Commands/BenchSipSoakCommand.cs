using System.Globalization;
using System.Text.Json;
using Outbound.Cli.Bench;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench sip-soak [--minutes 20] [--rate 30] [--pause-ms 2000] [--loss 0.01] [--bye-loss 0.01] [--json]</c>: mixed calls
/// with re-INVITEs through a lossy relay into the B2BUA (<see cref="SipSoak"/>). Prints
/// <c>{"minutes","calls","answered","failed","datagrams_lost","byes_lost","sessions_expired","no_ack","dialogs_open","calls_open",
/// "transactions_open","heap_mb_warm","heap_mb_end_of_load","heap_mb_drained"}</c>; exits 0 when nothing was left open.
/// </summary>
public static class BenchSipSoakCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var minutes = Double(args, "minutes", 20);
        var rate = args.Int("rate", 30);
        var pauseMs = args.Int("pause-ms", 2000);
        var loss = Double(args, "loss", 0.01);
        var byeLoss = Double(args, "bye-loss", 0.01);
        if (minutes is <= 0 or > 24 * 60) throw new CliUsageException("--minutes must be above 0 and at most a day");
        if (rate is < 1 or > 1000 || pauseMs is < 0 or > 60_000) throw new CliUsageException("--rate must be 1–1000 and --pause-ms 0–60000");
        if (loss is < 0 or >= 0.5 || byeLoss is < 0 or > 1) throw new CliUsageException("--loss must be below 0.5 and --bye-loss a share from 0 to 1");

        var result = await SipSoak.RunAsync(minutes, rate, pauseMs, loss, byeLoss, line => Console.Error.WriteLine("bench sip-soak: " + line));
        var summary = new
        {
            minutes = result.Minutes, calls = result.Calls, answered = result.Answered, failed = result.Failed,
            datagrams_lost = result.DatagramsLost, byes_lost = result.ByesLost, sessions_expired = result.SessionsExpired, no_ack = result.NoAck,
            dialogs_open = result.DialogsOpen, calls_open = result.CallsOpen, transactions_open = result.TransactionsOpen,
            heap_mb_warm = result.HeapMbWarm, heap_mb_end_of_load = result.HeapMbEndOfLoad, heap_mb_drained = result.HeapMbDrained,
        };
        if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(summary));
        else Console.Error.WriteLine($"bench sip-soak: {summary}");
        return result.DialogsOpen == 0 && result.CallsOpen == 0 ? 0 : 1;
    }

    private static double Double(CliArgs args, string name, double fallback) =>
        args.Optional(name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new CliUsageException($"--{name} must be a number")
            : fallback;
}
