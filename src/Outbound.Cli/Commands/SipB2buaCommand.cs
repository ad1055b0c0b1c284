using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>sip b2bua --listen IP:PORT --to IP:PORT [--max-connections N] [--idle-seconds S] [--session-seconds S] [--json]</c>:
/// the platform's B2BUA on its own, every INVITE to <c>--listen</c> bridged to <c>--to</c> (the one the SIP bench runs
/// in-process), for putting a carrier or a test harness in front of. Says where it listens on stderr, runs until its
/// standard input closes, then prints what it did.
/// </summary>
public static class SipB2buaCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var listen = Address(args.Required("listen"), "listen");
        var to = Address(args.Required("to"), "to");
        var options = SipTransportOptions.Default with
        {
            MaxTcpConnections = args.Int("max-connections", SipTransportOptions.Default.MaxTcpConnections),
            MaxTcpConnectionsPerAddress = Math.Min(args.Int("max-connections", int.MaxValue), SipTransportOptions.Default.MaxTcpConnectionsPerAddress),
            TcpIdleTimeout = TimeSpan.FromSeconds(args.Int("idle-seconds", (int)SipTransportOptions.Default.TcpIdleTimeout.TotalSeconds)),
        };
        var sessions = SessionTimerOptions.Default with { SessionExpires = TimeSpan.FromSeconds(args.Int("session-seconds", 1800)) };
        if (options.Problems().Concat(sessions.Problems()).FirstOrDefault() is { } problem) throw new CliUsageException(problem);

        // Warnings and worse, to stderr: stdout is for the one JSON summary.
        using var logs = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var logger = logs.CreateLogger("sip");
        await using var transport = new SipTransport(listen, options, TimeProvider.System, logger);
        transport.Start();
        await using var stack = new SipStack(transport, TimeProvider.System, sessionTimers: sessions, logger: logger);
        var b2bua = new SipB2bua(stack, new B2buaRoute(new SipEndPoint(SipTransportKind.Udp, to), to.Address.ToString(), to.Port, TimeSpan.FromSeconds(60)));
        Console.Error.WriteLine($"sip b2bua: listening on udp+tcp {transport.LocalEndPoint}, calls go to {to}, at most {transport.MaxTcpConnections} TCP connections");

        await Console.In.ReadToEndAsync();   // runs until whoever started it closes our input

        var summary = new
        {
            answered = b2bua.Answered, failed = b2bua.Failed, loops_refused = b2bua.LoopsRefused, active = b2bua.Active,
            refused_connections = transport.RefusedConnections, loop_failures = transport.LoopFailures, shed = transport.Admission.Shed,
            dropped = transport.DroppedCount,
        };
        if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(summary));
        else Console.Error.WriteLine($"sip b2bua: {summary}");
        return 0;
    }

    private static IPEndPoint Address(string text, string name) =>
        IPEndPoint.TryParse(text, out var address) && address.Port is >= 0 and <= 65535
            ? address
            : throw new CliUsageException($"--{name} must be IP:PORT, not '{text}'");
}
