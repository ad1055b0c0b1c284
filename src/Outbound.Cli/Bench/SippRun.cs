using System.Diagnostics;
using System.Globalization;

namespace Outbound.Cli.Bench;

/// <summary>
/// One sipp process (Debian's sip-tester) started with its own working folder, so its statistics files
/// (<c>-trace_stat</c>, <c>-trace_rtt</c>) can be read back; killed by its PID if it outlives its time.
/// </summary>
internal sealed class SippRun : IDisposable
{
    public const string Binary = "/usr/bin/sipp";
    private readonly Process _process;

    private SippRun(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    public string Folder { get; }

    public static SippRun Start(string folder, IEnumerable<string> args)
    {
        if (!File.Exists(Binary)) throw new CliUsageException($"{Binary} is missing: install the Debian package sip-tester (ops/install-deps)");
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo(Binary) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SippRun(process, folder);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return -1;
        }
    }

    /// <summary>The last row of the <c>-trace_stat</c> CSV as column → value.</summary>
    public Dictionary<string, string> LastStatistics()
    {
        var file = Directory.GetFiles(Folder, "*_.csv").FirstOrDefault();
        if (file is null) return [];
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2) return [];
        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        return names.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>
    /// Every <c>rtd</c>-marked response of the run (<c>-trace_rtt -rtt_freq 1</c>): when it came (ms since sipp started),
    /// how long after the call's first message, and the rtd's name.
    /// </summary>
    public List<SippResponseTime> ResponseTimes()
    {
        var file = Directory.GetFiles(Folder, "*_rtt.csv").FirstOrDefault();
        if (file is null) return [];
        var times = new List<SippResponseTime>();
        foreach (var line in File.ReadAllLines(file).Skip(1))
        {
            var p = line.Split(';');
            if (p.Length >= 3 && double.TryParse(p[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var at)
                && double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                times.Add(new SippResponseTime(at, ms, p[2].Trim()));
        }
        return times;
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

/// <summary>One timed response from sipp's <c>-trace_rtt</c> file.</summary>
internal sealed record SippResponseTime(double AtMs, double ElapsedMs, string Rtd);
