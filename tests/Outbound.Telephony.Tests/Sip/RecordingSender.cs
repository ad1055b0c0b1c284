using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip;

/// <summary>A sender that records what was sent and when (on the test's fake clock); it can be told to fail.</summary>
internal sealed class RecordingSender(TimeProvider time) : ISipSender
{
    private readonly List<(TimeSpan At, SipMessage Message)> _sent = [];
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public bool Fail { get; set; }

    public IReadOnlyList<(TimeSpan At, SipMessage Message)> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    public void Send(SipMessage message, SipEndPoint remote, Action<Exception>? onError = null)
    {
        if (Fail)
        {
            onError?.Invoke(new IOException("unreachable"));
            return;
        }
        lock (_sent) _sent.Add((time.GetUtcNow() - _start, message));
    }

    public double[] SecondsOf(Func<SipMessage, bool> which) => Sent.Where(s => which(s.Message)).Select(s => s.At.TotalSeconds).ToArray();
}
