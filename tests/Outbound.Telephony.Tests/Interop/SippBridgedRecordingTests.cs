using System.Net;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Relay;
using Outbound.Telephony.Rtp.Wav;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>
/// Two sipp UAS legs (a called party speaking, an agent phone sending a 1 kHz tone) bridged through our
/// relay, recorded through the relay's tap: the WAV read back has the speech on the left, the tone on the right.
/// </summary>
public sealed class SippBridgedRecordingTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-bridge-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Recording_of_a_bridged_call_holds_each_side_on_its_own_channel()
    {
        var (_, speech) = await SpeechFiles.MakeAsync(_work.FullName, "party", "Hello, this is the called party speaking on the left channel.", 0, 1);
        var tone = Path.Combine(_work.FullName, "agent.ulaw");
        var (soxExit, soxOutput) = await ExternalTool.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-t", "ul", tone, "synth", "4", "sine", "1000", "vol", "0.5"], _work.FullName, TimeSpan.FromSeconds(30));
        Assert.True(soxExit == 0, soxOutput);
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uas_answering_machine.xml"));
        async Task<(int Port, Task<(int, string)> Run)> StartSipp(string name, string audio)
        {
            var scenario = Path.Combine(_work.FullName, name + ".xml");
            await File.WriteAllTextAsync(scenario, template.Replace("GREETING_FILE", audio));
            var port = FreePort.Udp();
            var run = ExternalTool.RunAsync("sipp",
                ["-sf", scenario, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", port.ToString(), "-mp", FreePort.Udp().ToString(),
                 "-m", "1", "-nostdin", "-timeout", "25s", "-timeout_error"],
                _work.FullName, TimeSpan.FromSeconds(30));
            return (port, run);
        }
        var party = await StartSipp("party", speech);
        var agent = await StartSipp("agent", tone);

        var path = Path.Combine(_work.FullName, "call.wav");
        using var recorder = new StereoCallRecorder(path, TimeProvider.System);
        await using var relay = RtpRelay.Start(IPAddress.Loopback);
        relay.Tap = (leg, in header, payload) =>
        {
            if (G711.FromPayloadType(header.PayloadType) is { } law) recorder.AddPacket(leg, header.Timestamp, payload, law);
        };
        await using var signalling = Sip.SipTestPeer.Udp();
        var (partyAudio, hangUpParty) = await signalling.CallAsync(new IPEndPoint(IPAddress.Loopback, party.Port), relay.LocalEndPoint(RecordingLeg.A));
        relay.SetRemote(RecordingLeg.A, partyAudio.Remote);
        var (agentAudio, hangUpAgent) = await signalling.CallAsync(new IPEndPoint(IPAddress.Loopback, agent.Port), relay.LocalEndPoint(RecordingLeg.B));
        relay.SetRemote(RecordingLeg.B, agentAudio.Remote);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await hangUpParty();
        await hangUpAgent();
        foreach (var (exit, output) in await Task.WhenAll(party.Run, agent.Run)) Assert.True(exit == 0, $"sipp failed ({exit}): {output}");

        recorder.Complete();
        var recording = WavAudio.Read(path);
        Assert.Equal((8000, 2), (recording.SampleRate, recording.Channels));
        var left = recording.Samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = recording.Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.True(Rms(left) > 500, $"left channel (called party) should carry speech, RMS {Rms(left):F0}");
        Assert.True(Rms(right) > 500, $"right channel (agent) should carry the tone, RMS {Rms(right):F0}");
        // The agent's 1 kHz tone crosses zero about 2000 times a second; speech does not look like that.
        var rightVoiced = right.SkipWhile(s => Math.Abs((int)s) < 1000).Take(8000).ToArray();
        Assert.InRange(ZeroCrossingsPerSecond(rightVoiced), 1900, 2100);
        Assert.True(relay.PacketsRelayed > 100, $"relayed only {relay.PacketsRelayed} packets");
    }

    private static double Rms(short[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));

    private static double ZeroCrossingsPerSecond(short[] samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
            if ((samples[i - 1] < 0) != (samples[i] < 0)) crossings++;
        return crossings * 8000.0 / samples.Length;
    }
}
