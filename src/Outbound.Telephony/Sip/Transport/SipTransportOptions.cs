using System.ComponentModel.DataAnnotations;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// What the transport lets peers hold (bound from <c>Outbound:Telephony:Sip:Transport</c>). The defaults keep a scanner
/// or a broken phone from taking the process's descriptors or memory while leaving room for a few hundred agents' phones
/// on TCP: raise the per-address limit when many phones reach us through one border controller.
/// </summary>
public sealed record SipTransportOptions
{
    /// <summary>TCP connections in and out together; never more than half the process's descriptor limit (the rest is for RTP, files, the database).</summary>
    [Range(1, 1_000_000)] public int MaxTcpConnections { get; init; } = 1024;
    /// <summary>TCP connections from one source address; more are closed at once.</summary>
    [Range(1, 1_000_000)] public int MaxTcpConnectionsPerAddress { get; init; } = 256;
    /// <summary>A TCP connection with no traffic this long is closed, unless a dialog or a registration still uses it.</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Largest message (header section and body) read from a stream; a larger one gets 513 and the connection is closed.</summary>
    [Range(1024, 16 * 1024 * 1024)] public int MaxMessageBytes { get; init; } = 64 * 1024;
    /// <summary>Largest body accepted (513 Message Too Large beyond it).</summary>
    [Range(0, 16 * 1024 * 1024)] public int MaxBodyBytes { get; init; } = SipParseLimits.Default.MaxBodyBytes;
    /// <summary>Most header fields in one message (513 beyond it).</summary>
    [Range(10, 10_000)] public int MaxHeaderFields { get; init; } = SipParseLimits.Default.MaxHeaderFields;
    /// <summary>Messages received but not yet processed; datagrams beyond it are dropped as a full socket buffer would, streams wait.</summary>
    [Range(100, 10_000_000)] public int InboxCapacity { get; init; } = 20_000;

    public static readonly SipTransportOptions Default = new();

    public SipParseLimits ParseLimits => new(MaxHeaderFields, MaxBodyBytes);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxTcpConnections < 1 || MaxTcpConnectionsPerAddress < 1 || InboxCapacity < 100 || MaxHeaderFields < 10 || MaxMessageBytes < 1024 || MaxBodyBytes < 0)
            problems.Add("SIP transport limits must be positive (at least 1 connection, 100 queued messages, 10 header fields, 1024-octet messages)");
        if (TcpIdleTimeout <= TimeSpan.Zero) problems.Add($"{nameof(TcpIdleTimeout)} must be positive");
        if (MaxTcpConnectionsPerAddress > MaxTcpConnections) problems.Add($"{nameof(MaxTcpConnectionsPerAddress)} cannot exceed {nameof(MaxTcpConnections)}");
        if (MaxBodyBytes >= MaxMessageBytes) problems.Add($"{nameof(MaxBodyBytes)} must be below {nameof(MaxMessageBytes)}");
        return problems;
    }
}
