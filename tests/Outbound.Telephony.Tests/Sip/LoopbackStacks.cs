using System.Net;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip;

/// <summary>Real stacks on loopback sockets with short timers (T1 = 20 ms), so timeouts happen within a test.</summary>
internal static class LoopbackStacks
{
    public static readonly SipTimerSettings FastTimers = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(160), TimeSpan.FromMilliseconds(200));

    public static SipStack Create(TimeProvider? time = null)
    {
        var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        return new SipStack(transport, time ?? TimeProvider.System, FastTimers);
    }

    public static SipEndPoint Udp(SipStack stack) => new(SipTransportKind.Udp, stack.Transport.LocalEndPoint);
    public static SipEndPoint Tcp(SipStack stack) => new(SipTransportKind.Tcp, stack.Transport.LocalEndPoint);
}
