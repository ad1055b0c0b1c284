using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Outbound.Cli.Tests.Commands;

/// <summary>
/// <c>outbound sip b2bua</c> as a process of its own, so the operating system's limits apply to it alone: a descriptor
/// limit (<c>prlimit --nofile</c>) a connection flood runs into, and a route pointing back at itself.
/// </summary>
public sealed class SipB2buaCommandTests
{
    [Fact]
    public async Task Limited_to_400_descriptors_a_flood_of_450_idle_connections_is_refused_and_udp_and_tcp_keep_answering()
    {
        // The case that once silenced the stack: 450 idle TCP connections against a process allowed 400 descriptors.
        await using var host = await B2buaHost.StartAsync(descriptorLimit: 400, "--to", "127.0.0.1:9", "--idle-seconds", "120");

        var flood = new List<Socket>();
        try
        {
            for (var i = 0; i < 450; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                flood.Add(socket);
                try
                {
                    await socket.ConnectAsync(host.EndPoint).WaitAsync(TimeSpan.FromSeconds(2));
                }
                catch (Exception e) when (e is SocketException or TimeoutException)
                {
                    // Refused, or the backlog is full: either way the flood goes on.
                }
            }

            Assert.Equal("SIP/2.0 200 OK", await B2buaHost.OptionsOverUdpAsync(host.EndPoint, "during-flood"));
        }
        finally
        {
            foreach (var socket in flood) socket.Dispose();
        }

        // The flood has gone: a new TCP connection is taken and answered.
        Assert.Equal("SIP/2.0 200 OK", await RetryAsync(() => B2buaHost.OptionsOverTcpAsync(host.EndPoint, "after-flood")));
        var summary = await host.StopAsync();
        Assert.True(summary.GetProperty("refused_connections").GetInt64() >= 200, $"most of the flood should have been refused: {summary}");
        Assert.Equal(0, summary.GetProperty("loop_failures").GetInt64());   // the descriptors never ran out, so nothing had to back off
    }

    [Fact]
    public async Task Route_back_to_itself_is_refused_with_482_and_the_process_goes_on_answering()
    {
        var port = FreeUdpPort();
        await using var host = await B2buaHost.StartAsync(descriptorLimit: null, "--to", $"127.0.0.1:{port}", "--listen", $"127.0.0.1:{port}");

        Assert.Equal("SIP/2.0 482 Loop Detected", await B2buaHost.InviteOverUdpAsync(host.EndPoint, "loop-1"));
        Assert.Equal("SIP/2.0 200 OK", await B2buaHost.OptionsOverUdpAsync(host.EndPoint, "after-loop"));
        var summary = await host.StopAsync();
        Assert.Equal(1, summary.GetProperty("loops_refused").GetInt64());
    }

    private static async Task<string> RetryAsync(Func<Task<string>> attempt)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (e is SocketException or TimeoutException or IOException && i < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>The <c>outbound sip b2bua</c> process: started (optionally under <c>prlimit</c>), its address read from stderr, stopped by closing stdin.</summary>
    private sealed class B2buaHost : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stderr = new();

        private B2buaHost(Process process) => _process = process;

        public IPEndPoint EndPoint { get; private set; } = null!;

        public static async Task<B2buaHost> StartAsync(int? descriptorLimit, params string[] args)
        {
            var start = new ProcessStartInfo(descriptorLimit is null ? "dotnet" : "prlimit")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            if (descriptorLimit is { } limit)
            {
                start.ArgumentList.Add($"--nofile={limit}:{limit}");
                start.ArgumentList.Add("--");
                start.ArgumentList.Add("dotnet");
            }
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outbound.dll"));
            foreach (var a in new[] { "sip", "b2bua", "--json" }.Concat(args.Contains("--listen") ? args : [.. args, "--listen", "127.0.0.1:0"]))
                start.ArgumentList.Add(a);
            var host = new B2buaHost(Process.Start(start)!);
            host.EndPoint = await host.ListeningAsync();
            return host;
        }

        private async Task<IPEndPoint> ListeningAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await _process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                _stderr.AppendLine(line);
                const string marker = "listening on udp+tcp ";
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0) return IPEndPoint.Parse(line[(at + marker.Length)..].Split(',')[0]);
            }
            throw new InvalidOperationException("sip b2bua did not start:\n" + _stderr);
        }

        /// <summary>Closes stdin, as an operator's supervisor would, and reads the one JSON summary.</summary>
        public async Task<JsonElement> StopAsync()
        {
            _process.StandardInput.Close();
            var stdout = await _process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync();
            Assert.True(_process.ExitCode == 0, $"exit {_process.ExitCode}: {stdout}\n{_stderr}{await _process.StandardError.ReadToEndAsync()}");
            return JsonDocument.Parse(stdout).RootElement;
        }

        public static Task<string> OptionsOverUdpAsync(IPEndPoint to, string callId) => ExchangeUdpAsync(to, Request("OPTIONS", "UDP", callId));

        public static Task<string> InviteOverUdpAsync(IPEndPoint to, string callId) => ExchangeUdpAsync(to, Request("INVITE", "UDP", callId),
            skipProvisional: true);

        public static async Task<string> OptionsOverTcpAsync(IPEndPoint to, string callId)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(to).WaitAsync(TimeSpan.FromSeconds(2));
            await socket.SendAsync(Encoding.ASCII.GetBytes(Request("OPTIONS", "TCP", callId)));
            var buffer = new byte[4096];
            var read = await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(5));
            if (read == 0) throw new IOException("closed without an answer");
            return StatusLine(Encoding.ASCII.GetString(buffer, 0, read));
        }

        private static async Task<string> ExchangeUdpAsync(IPEndPoint to, string request, bool skipProvisional = false)
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            await udp.SendAsync(Encoding.ASCII.GetBytes(request), to);
            while (true)
            {
                var status = StatusLine(Encoding.ASCII.GetString((await udp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10))).Buffer));
                if (!skipProvisional || !status.StartsWith("SIP/2.0 1", StringComparison.Ordinal)) return status;
            }
        }

        private static string Request(string method, string transport, string callId)
        {
            var body = method == "INVITE" ? "v=0\r\no=t 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n" : "";
            return $"{method} sip:95598@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:9;branch=z9hG4bK{callId};rport\r\n"
                   + $"From: <sip:test@127.0.0.1>;tag=t1\r\nTo: <sip:95598@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: 1 {method}\r\nMax-Forwards: 70\r\n"
                   + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "") + $"Content-Length: {body.Length}\r\n\r\n{body}";
        }

        private static string StatusLine(string response) => response.Split("\r\n")[0];

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
