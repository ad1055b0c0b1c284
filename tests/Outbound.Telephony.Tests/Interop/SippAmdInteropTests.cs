using System.Net;
using Outbound.Core.Amd;
using Outbound.Telephony.Amd;
using Outbound.Telephony.Rtp.Sessions;
using Outbound.Telephony.Rtp.Wav;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>AMD on spoken audio: from files, and live from sipp acting as the carrier leg that answers and speaks.</summary>
public sealed class SippAmdInteropTests : IDisposable
{
    private const string MachineGreeting = "Hello, you have reached the voicemail of John Smith. I am not available right now, please leave a message after the tone.";
    private const string HumanHello = "Hello?";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-amd-");

    public void Dispose() => _work.Delete(recursive: true);

    [Theory]
    [InlineData(MachineGreeting, AmdVerdict.Machine)]
    [InlineData(HumanHello, AmdVerdict.Human)]
    public async Task Spoken_file_is_classified(string text, AmdVerdict expected)
    {
        var (wav, _) = await SpeechFiles.MakeAsync(_work.FullName, "speech", text, 0.4, 3);
        var audio = WavAudio.Read(wav).ToMono();
        var result = new AnsweringMachineDetector().Analyze(audio.Samples);
        Assert.NotNull(result);
        Assert.True(expected == result.Verdict, $"expected {expected}, got {result.Verdict} ({result.AsteriskCause})");
    }

    [Theory]
    [InlineData(MachineGreeting, AmdVerdict.Machine)]
    [InlineData(HumanHello, AmdVerdict.Human)]
    public async Task Sipp_carrier_answering_with_speech_is_classified_live(string text, AmdVerdict expected)
    {
        var (_, greeting) = await SpeechFiles.MakeAsync(_work.FullName, "greeting", text, 0.4, 4);
        var scenario = Path.Combine(_work.FullName, "uas.xml");
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uas_answering_machine.xml"));
        await File.WriteAllTextAsync(scenario, template.Replace("GREETING_FILE", greeting));
        var sipPort = FreePort.Udp();
        var carrier = ExternalTool.RunAsync("sipp",
            ["-sf", scenario, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", sipPort.ToString(), "-mp", FreePort.Udp().ToString(),
             "-m", "1", "-nostdin", "-timeout", "25s", "-timeout_error"],
            _work.FullName, TimeSpan.FromSeconds(30));

        await using var session = RtpSession.Open(new IPEndPoint(IPAddress.Loopback, 0));
        // The production path: decoded RTP into the monitor, which also counts time without packets as silence.
        // A generous jitter allowance: test machines run many suites at once and may stall our receive loop.
        using var monitor = new AmdMonitor(AmdOptions.Default, TimeProvider.System, jitterAllowance: TimeSpan.FromSeconds(1));
        session.AudioReceived += (timestamp, samples) => monitor.OnAudio(timestamp, samples);
        await using var caller = Sip.SipTestPeer.Udp();
        var hangUp = await caller.CallAsync(new IPEndPoint(IPAddress.Loopback, sipPort), session);
        var verdict = await monitor.Decision.WaitAsync(TimeSpan.FromSeconds(15));
        await hangUp();
        var (exit, output) = await carrier;
        Assert.True(exit == 0, $"sipp failed ({exit}): {output}");
        Assert.True(expected == verdict.Verdict, $"expected {expected}, got {verdict.Verdict} ({verdict.AsteriskCause})");
    }
}
