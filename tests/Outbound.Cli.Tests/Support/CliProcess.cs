using System.Diagnostics;

namespace Outbound.Cli.Tests.Support;

/// <summary>Runs the built <c>outbound</c> command as a separate process, as ops/outbound does.</summary>
public static class CliProcess
{
    /// <param name="database">The connection string for OUTBOUND_DB; null runs without any database.</param>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string? database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outbound.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        if (database is null)
        {
            start.Environment.Remove("OUTBOUND_DB");
            start.Environment.Remove("ConnectionStrings__Outbound");
        }
        else start.Environment["OUTBOUND_DB"] = database;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
