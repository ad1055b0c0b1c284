using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Mixing;
using Outbound.Telephony.Rtp.Prompts;
using Outbound.Telephony.Rtp.Recording;

namespace Outbound.Telephony.SipAdapter;

/// <summary>
/// One mix of the Sip adapter: every part's decoded audio goes into its <see cref="FrameBuffer"/>; every 20 ms on the
/// adapter's clock one frame is taken from each, mixed minus the listener (<see cref="AudioMixer"/>) and sent to each
/// part as our own media (encoded in its law, its stream rewritten like any prompt); a recorded part's right channel gets
/// what it is sent. Membership changes under the adapter's join lock; the clock reads a snapshot.
/// </summary>
internal sealed class SipMixRoom : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _clock;
    private volatile Member[] _members = [];

    public SipMixRoom(string name, TimeProvider time)
    {
        Name = name;
        _time = time;
        _clock = Task.Run(RunAsync);
    }

    public string Name { get; }
    public bool IsEmpty => _members.Length == 0;


    /// <summary>Replaces the parts; legs no longer named stop feeding the mix. Call under the adapter's join lock.</summary>
    public void Set(IReadOnlyList<(SipLeg Leg, MixPart Part)> parts)
    {
        var kept = new List<Member>();
        foreach (var (leg, part) in parts)
        {
            var member = _members.FirstOrDefault(m => m.Leg == leg);
            if (member is null)
            {
                member = new Member(leg);
                leg.Media.AudioReceived += member.OnAudio;
            }
            member.Part = part;
            leg.Room = this;
            kept.Add(member);
        }
        foreach (var gone in _members.Where(m => kept.All(k => k.Leg != m.Leg))) Drop(gone);
        _members = [.. kept];
    }

    /// <summary>Takes one leg out (it hung up, was bridged, put on hold or mixed elsewhere). Call under the join lock.</summary>
    public void Remove(SipLeg leg)
    {
        if (_members.FirstOrDefault(m => m.Leg == leg) is not { } member) return;
        Drop(member);
        _members = [.. _members.Where(m => m.Leg != leg)];
    }

    private static void Drop(Member member)
    {
        member.Leg.Media.AudioReceived -= member.OnAudio;
        member.Leg.Room = null;
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(PromptPlayer.FrameInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var members = _members;
                if (members.Length == 0) continue;
                var mixed = AudioMixer.Mix(members.Select(m => m.Part!).ToList(), members.Select(m => m.Buffer.Take(G711.SamplesPerFrame)).ToList());
                for (var i = 0; i < members.Length; i++)
                {
                    if (members[i].Leg.Ended) continue;
                    members[i].RecordHeard(mixed[i]);
                    try
                    {
                        await members[i].Leg.Media.SendAudioAsync(mixed[i], cancellationToken: _stop.Token);
                    }
                    catch (ObjectDisposedException)
                    {
                        // The leg ended between the snapshot and the send.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members) Drop(member);
        _members = [];
        await _stop.CancelAsync();
        await _clock;
        _stop.Dispose();
    }

    private sealed class Member(SipLeg leg)
    {
        public SipLeg Leg => leg;
        public FrameBuffer Buffer { get; } = new();
        public MixPart? Part { get; set; }
        public void OnAudio(uint timestamp, short[] samples) => Buffer.Add(samples);

        private uint _heardTimestamp;
        private bool _recording;

        /// <summary>A recorded customer's right channel is what it hears: the mix it is sent, on the room's own 20 ms clock.</summary>
        public void RecordHeard(short[] samples)
        {
            if (leg.Recording is not { Channel: RecordingLeg.A } tap) return;
            if (!_recording) tap.Recording.Recorder.Resync(RecordingLeg.B);
            _recording = true;
            tap.Recording.Recorder.AddSamples(RecordingLeg.B, _heardTimestamp, samples.ToArray()); // the recorder keeps what it is given
            _heardTimestamp += (uint)samples.Length;
        }
    }
}
