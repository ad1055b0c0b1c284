using System.Diagnostics;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>Runs a Debian tool the interop tests need; a missing tool fails the test saying which package to install.</summary>
internal static class ExternalTool
{
    private static readonly Dictionary<string, string> Packages = new()
    {
        ["sipp"] = "sip-tester",
        ["espeak-ng"] = "espeak-ng",
        ["sox"] = "sox",
    };

    public static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path)) return path;
        }
        throw new Xunit.Sdk.XunitException(
            $"'{tool}' is not installed: this interop test needs the Debian package '{Packages.GetValueOrDefault(tool, tool)}' (ops/install-deps installs it)");
    }

    /// <summary>Runs to completion and returns the exit code; output is kept for the failure message.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Require(tool))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout.TotalSeconds} s: {await stderr}");
        }
        var output = await stdout + await stderr;
        return (process.ExitCode, output.Length > 4000 ? output[^4000..] : output);
    }
}
