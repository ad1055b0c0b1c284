using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>
/// A real sipp peer (Debian package sip-tester) on loopback, bounded in time and killed by its own PID.
/// A missing sipp fails the test with a clear message: ops/install-deps installs it.
/// </summary>
internal sealed class SippProcess : IDisposable
{
    public const string Binary = "/usr/bin/sipp";
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; private init; }

    /// <summary>The audio RTP port given with <c>-mp</c> (video takes the one two above), if any.</summary>
    public int? MediaPort { get; private init; }

    public static string Scenario(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "ops", "sipp"))) dir = dir.Parent;
        Assert.True(dir is not null, "ops/sipp not found above the test folder");
        return Path.Combine(dir!.FullName, "ops", "sipp", name);
    }

    /// <summary>
    /// Starts sipp as a UAS running <paramref name="scenario"/> (a name in ops/sipp, or a full path) for <paramref name="calls"/> calls,
    /// returned once it listens (a request sent before would wait out retransmission timers), on a fresh port if another
    /// process took the chosen one meanwhile.
    /// </summary>
    public static SippProcess Uas(string scenario, int calls = 1, string transport = "u1", params string[] extra)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (port, media) = (FreeUdpPort(), FreeUdpPort());
            var args = new List<string> { "-sf", Path.IsPathRooted(scenario) ? scenario : Scenario(scenario), "-i", "127.0.0.1", "-p", port.ToString(), "-m", calls.ToString(),
                "-t", transport, "-nostdin", "-timeout", "30s", "-timeout_error", "-mi", "127.0.0.1", "-mp", media.ToString() };
            args.AddRange(extra);
            var sipp = new SippProcess(Launch(args)) { Port = port, MediaPort = media };
            if (!transport.StartsWith('u') || sipp.WaitForUdpBinding(TimeSpan.FromSeconds(10)) || attempt == 3) return sipp;
            sipp.Dispose();
        }
    }

    /// <summary>
    /// Polls the kernel's UDP table (Linux) until sipp's SIP port and its audio and video RTP ports (media port and the
    /// one two above, bound at start) are all bound; false if sipp exited or the time ran out. Sipp binds its SIP port
    /// first and quits if a media port is taken, so the SIP port alone does not mean it will answer.
    /// </summary>
    private bool WaitForUdpBinding(TimeSpan timeout)
    {
        int[] ports = MediaPort is { } media ? [Port, media, media + 2] : [Port];
        var hexPorts = ports.Select(p => ":" + p.ToString("X4") + " ").ToArray();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (!File.Exists("/proc/net/udp")) return true;
            var bound = File.ReadAllLines("/proc/net/udp");
            if (hexPorts.All(hex => bound.Any(line => line.Contains(hex, StringComparison.Ordinal)))) return !_process.HasExited;
            Thread.Sleep(20);
        }
        return false;
    }

    /// <summary>Starts sipp's built-in UAC towards <paramref name="target"/> (host:port) for <paramref name="calls"/> calls at <paramref name="rate"/>/s.</summary>
    public static SippProcess Uac(string target, int calls, int rate)
    {
        var port = FreeUdpPort();
        var args = new[] { "-sn", "uac", target, "-i", "127.0.0.1", "-p", port.ToString(), "-m", calls.ToString(), "-r", rate.ToString(),
            "-nostdin", "-timeout", "30s", "-timeout_error" };
        return new SippProcess(Launch(args)) { Port = port };
    }

    /// <summary>
    /// Starts sipp as a UAC running <paramref name="scenario"/> (a name in ops/sipp, or a full path) towards
    /// <paramref name="target"/> (host:port), calling <paramref name="service"/> (the Request-URI user) from <paramref name="localIp"/>.
    /// </summary>
    public static SippProcess UacScenario(string scenario, string target, string service, int calls = 1, string localIp = "127.0.0.1", params string[] extra)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (port, media) = (FreeUdpPort(), FreeUdpPort());
            var args = new List<string> { target, "-sf", Path.IsPathRooted(scenario) ? scenario : Scenario(scenario), "-s", service, "-i", localIp, "-p", port.ToString(),
                "-m", calls.ToString(), "-nostdin", "-timeout", "30s", "-timeout_error", "-mi", localIp, "-mp", media.ToString() };
            args.AddRange(extra);
            var sipp = new SippProcess(Launch(args)) { Port = port, MediaPort = media };
            // A port taken between our probe and sipp's bind makes it quit before sending anything: start it again on fresh ports.
            if (sipp.WaitForUdpBinding(TimeSpan.FromSeconds(10)) || attempt == 3 || !sipp.QuitUnableToBind()) return sipp;
            sipp.Dispose();
        }
    }

    private bool QuitUnableToBind() =>
        _process.HasExited && OutputAsync().GetAwaiter().GetResult().Contains("Unable to bind", StringComparison.Ordinal);

    public static Process Launch(IEnumerable<string> args)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install the Debian package sip-tester (ops/install-deps does).");
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.WorkingDirectory = Path.GetTempPath();
        return Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
    }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>Waits until sipp accepts TCP connections (it needs a moment to start listening).</summary>
    public async Task WaitForTcpAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(EndPoint);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        Assert.Fail($"sipp did not listen on TCP port {Port}");
    }

    /// <summary>Waits for sipp to finish; its exit code is 0 when every call followed the scenario.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return -1;
        }
        return _process.ExitCode;
    }

    public async Task<string> OutputAsync() => (await _stdout) + (await _stderr);

    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        using var tcp = new TcpListener(IPAddress.Loopback, port);
        try
        {
            tcp.Start();
            tcp.Stop();
            return port;
        }
        catch (SocketException)
        {
            return FreeUdpPort();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
