using System.Collections.Concurrent;
using System.Net;
using Outbound.Telephony.Rtp.Dtmf;
using Outbound.Telephony.Rtp.Sessions;

namespace Outbound.Telephony.Tests.Interop;

public sealed class SippDtmfInteropTests
{
    [Fact]
    public async Task Digits_from_sipps_rfc2833_captures_are_detected_by_our_session()
    {
        var scenario = Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uac_dtmf_2833.xml");
        Assert.True(File.Exists("/usr/share/sip-tester/dtmf_2833_pound.pcap"), "sip-tester's DTMF captures are missing: install the Debian package sip-tester");
        await using var session = RtpSession.Open(new IPEndPoint(IPAddress.Loopback, 0));
        var digits = new ConcurrentQueue<DtmfDigitReceived>();
        session.DtmfReceived += digits.Enqueue;
        await using var uas = Sip.SipTestPeer.Udp();
        uas.Timeout = TimeSpan.FromSeconds(30);
        var answering = uas.AnswerOneCallAsync(session);
        var work = Directory.CreateTempSubdirectory("outbound-sipp-");
        try
        {
            var (exit, output) = await ExternalTool.RunAsync("sipp",
                [$"127.0.0.1:{uas.EndPoint.Port}", "-sf", scenario, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", FreePort.Udp().ToString(),
                 "-mp", FreePort.Udp().ToString(), "-m", "1", "-nostdin", "-timeout", "25s", "-timeout_error"],
                work.FullName, TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, $"sipp failed ({exit}): {output}");
            await answering;
        }
        finally { work.Delete(recursive: true); }
        Assert.Equal("259*#", new string(digits.Select(d => d.Digit).ToArray()));
        // Each capture holds its key for 0x08C0 = 2240 timestamp units.
        Assert.All(digits, d => Assert.Equal(TimeSpan.FromMilliseconds(280), d.Duration));
    }
}
