using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Outbound.Testing;

/// <summary>
/// A PostgreSQL cluster of a test's own, for tests that stop and start the database (outages): never the shared cluster
/// other tests run on. Created with Debian's initdb in a temporary folder (as the postgres user when the tests run as
/// root, as ops/pg does), on a free port, with fsync off (nothing here needs to survive a power cut).
/// </summary>
public sealed class PrivatePgCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine("/var/tmp", "outbound-private-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = "";

    public int Port { get; private set; }

    /// <summary>The maintenance database; give it to <see cref="PgTestDatabase(string)"/>.</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Include Error Detail=true";

    public async Task InitializeAsync()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (ops/install-deps installs it).");
        Port = FreePort();
        Directory.CreateDirectory(_folder);
        if (Environment.UserName == "root") await RunAsync("chown", "postgres:", _folder);
        await PgAsync("initdb", "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await StartAsync();
    }

    private string Data => Path.Combine(_folder, "data");

    public Task StartAsync() => PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    /// <summary>Stops the server as an operator would (<c>pg_ctl stop -m fast</c>): connected clients are cut off.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async Task DisposeAsync()
    {
        try { await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { } // already stopped
        Directory.Delete(_folder, recursive: true);
    }

    private Task PgAsync(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
