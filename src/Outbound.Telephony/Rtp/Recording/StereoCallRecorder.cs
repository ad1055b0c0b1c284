using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Wav;

namespace Outbound.Telephony.Rtp.Recording;

/// <summary>The two sides of a recorded call: A is the left channel (the called party), B the right (the agent).</summary>
public enum RecordingLeg
{
    A = 0,
    B = 1,
}

/// <summary>
/// Records both legs of a call into one stereo 8 kHz WAV (left = leg A, right = leg B). Each leg is placed
/// by its RTP timestamps (RFC 3550 §5.1: the sampling instant), unwrapped past 2^32, so packets that arrive
/// late or out of order land where they belong and lost packets leave silence. The legs are aligned by
/// the arrival time of their first packet, measured on the injected <see cref="TimeProvider"/>.
/// Thread-safe: the two legs are usually fed from two receive loops.
/// </summary>
public sealed class StereoCallRecorder(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly long _startedAt = time.GetTimestamp();
    private readonly LegTrack[] _legs = [new(), new()];

    /// <summary>Adds one G.711 packet of a leg.</summary>
    public void AddPacket(RecordingLeg leg, uint rtpTimestamp, ReadOnlySpan<byte> payload, G711Law law)
    {
        var samples = new short[payload.Length];
        law.Decode(payload, samples);
        AddSamples(leg, rtpTimestamp, samples);
    }

    /// <summary>Adds decoded samples of a leg that start at the given RTP timestamp.</summary>
    public void AddSamples(RecordingLeg leg, uint rtpTimestamp, short[] samples)
    {
        var arrival = time.GetElapsedTime(_startedAt);
        lock (_lock) _legs[(int)leg].Add(rtpTimestamp, samples, arrival);
    }

    /// <summary>The recording so far as interleaved stereo samples.</summary>
    public WavAudio Render()
    {
        lock (_lock)
        {
            var length = Math.Max(_legs[0].EndSample, _legs[1].EndSample);
            var interleaved = new short[length * 2];
            for (var channel = 0; channel < 2; channel++)
                _legs[channel].WriteInto(interleaved, channel);
            return new WavAudio(G711.SampleRate, 2, interleaved);
        }
    }

    public void Save(string path) => Render().Write(path);

    /// <summary>One leg's packets keyed by their position in the recording (in samples from its start).</summary>
    private sealed class LegTrack
    {
        private readonly SortedDictionary<long, short[]> _chunks = [];
        private long _offset;
        private uint _lastTimestamp;
        private long _lastExtended;
        private bool _started;

        public long EndSample { get; private set; }

        public void Add(uint timestamp, short[] samples, TimeSpan arrival)
        {
            if (!_started)
            {
                _started = true;
                _offset = (long)(arrival.TotalSeconds * G711.SampleRate);
                _lastTimestamp = timestamp;
                _lastExtended = 0;
            }
            // Signed 32-bit distance from the last timestamp: handles wrap and late packets alike.
            var extended = _lastExtended + (int)(timestamp - _lastTimestamp);
            if (extended > _lastExtended)
            {
                _lastExtended = extended;
                _lastTimestamp = timestamp;
            }
            var position = _offset + extended;
            if (position < 0) return;
            _chunks[position] = samples;
            EndSample = Math.Max(EndSample, position + samples.Length);
        }

        public void WriteInto(short[] interleaved, int channel)
        {
            foreach (var (position, samples) in _chunks)
                for (var i = 0; i < samples.Length; i++)
                    interleaved[(position + i) * 2 + channel] = samples[i];
        }
    }
}
