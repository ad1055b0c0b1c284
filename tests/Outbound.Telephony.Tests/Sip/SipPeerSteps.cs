using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Tests.Sip;

/// <summary>
/// A chain of steps for a <see cref="SipTestPeer"/>: sends and expectations, run in order when awaited. A failed
/// expectation fails the test with what arrived instead.
/// </summary>
internal sealed class SipPeerSteps(SipTestPeer peer)
{
    private readonly List<Func<Task>> _steps = [];

    public SipPeerSteps Send(SipMessage message, IPEndPoint? to = null)
    {
        _steps.Add(() => peer.SendBytesAsync(message.ToBytes(), to));
        return this;
    }

    /// <summary>Sends text as written, CRLF line ends and all (for broken or unusual messages).</summary>
    public SipPeerSteps SendRaw(string text, IPEndPoint? to = null)
    {
        _steps.Add(() => peer.SendBytesAsync(Encoding.UTF8.GetBytes(text), to));
        return this;
    }

    /// <summary>Answers the last request matched with <paramref name="status"/> (and an SDP body).</summary>
    public SipPeerSteps Reply(int status, string? sdp = null, IPEndPoint? to = null)
    {
        _steps.Add(() => peer.SendBytesAsync(peer.Reply(peer.LastRequest, status, sdp).ToBytes(), to));
        return this;
    }

    /// <summary>The next response must have <paramref name="status"/>; provisional responses are passed over when a final one is expected.</summary>
    public SipPeerSteps ExpectResponse(int status, Action<SipResponse>? check = null)
    {
        _steps.Add(async () =>
        {
            while (true)
            {
                var message = await peer.NextAsync(repeats: false, $"expecting {status}");
                if (message is SipResponse { IsProvisional: true } && status >= 200) continue;
                var response = Assert.IsType<SipResponse>(message);
                Assert.True(response.StatusCode == status, $"expected {status}, got:\n{response}");
                check?.Invoke(response);
                return;
            }
        });
        return this;
    }

    public SipPeerSteps ExpectRequest(string method, Action<SipRequest>? check = null)
    {
        _steps.Add(async () =>
        {
            var message = await peer.NextAsync(repeats: false, $"expecting {method}");
            Assert.True(message is SipRequest r && r.Method == method, $"expected {method}, got:\n{message}");
            check?.Invoke((SipRequest)message);
        });
        return this;
    }

    /// <summary>The next message must be an exact repeat of the last one matched (a retransmission).</summary>
    public SipPeerSteps ExpectRepeat()
    {
        _steps.Add(async () =>
        {
            var last = peer.Last?.ToString();
            var message = await peer.NextAsync(repeats: true, "expecting a retransmission");
            Assert.True(message.ToString() == last, $"expected a repeat of:\n{last}\ngot:\n{message}");
        });
        return this;
    }

    /// <summary>Runs the steps; the last message an expectation of this chain matched, or null when it had none.</summary>
    public async Task<SipMessage?> RunAsync()
    {
        var before = peer.Last;
        foreach (var step in _steps) await step();
        return ReferenceEquals(peer.Last, before) ? null : peer.Last;
    }

    public TaskAwaiter<SipMessage?> GetAwaiter() => RunAsync().GetAwaiter();
}
