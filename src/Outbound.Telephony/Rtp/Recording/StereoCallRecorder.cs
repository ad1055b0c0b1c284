using System.Buffers.Binary;
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
/// Records both legs of a call into one stereo 8 kHz 16-bit WAV (left = leg A, right = leg B), streamed
/// to disk. Each leg is placed by its RTP timestamps (RFC 3550 §5.1: the sampling instant), unwrapped
/// past 2^32, so late or reordered packets land where they belong and lost ones leave silence. The legs
/// are aligned by the arrival of their first packet on the injected <see cref="TimeProvider"/>. Audio
/// older than the reorder window behind the newest packet is final and written out, so memory stays
/// bounded however long the call; a packet later than that is counted in <see cref="LatePackets"/> and
/// dropped. <see cref="Complete"/> (or disposing) writes the rest and the final header sizes.
/// Thread-safe: the two legs are usually fed from two receive loops.
/// </summary>
public sealed class StereoCallRecorder : IDisposable
{
    private const int Channels = 2;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Stream _output;
    private readonly long _startedAt;
    private readonly long _reorderSamples;
    private readonly LegTrack[] _legs = [new(), new()];
    private long _flushedFrames;
    private bool _completed;

    public StereoCallRecorder(string path, TimeProvider time, TimeSpan? reorderWindow = null)
    {
        _time = time;
        _startedAt = time.GetTimestamp();
        _reorderSamples = (long)((reorderWindow ?? TimeSpan.FromSeconds(1)).TotalSeconds * G711.SampleRate);
        _output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        WavAudio.WriteHeader(_output, G711.SampleRate, Channels, 0);
    }

    public string Path => ((FileStream)_output).Name;
    /// <summary>Packets that came after their place in the file had been written (beyond the reorder window).</summary>
    public long LatePackets { get; private set; }
    public TimeSpan Duration
    {
        get
        {
            lock (_lock) return TimeSpan.FromSeconds((double)Math.Max(_flushedFrames, LatestEnd()) / G711.SampleRate);
        }
    }

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
        var arrival = _time.GetElapsedTime(_startedAt);
        lock (_lock)
        {
            if (_completed) return;
            var position = _legs[(int)leg].Place(rtpTimestamp, arrival);
            if (position < 0 || position + samples.Length <= _flushedFrames)
            {
                LatePackets++;
                return;
            }
            _legs[(int)leg].Add(position, samples);
            var target = LatestEnd() - _reorderSamples;
            if (target - _flushedFrames >= G711.SampleRate) FlushTo(target);
        }
    }

    /// <summary>
    /// The leg's audio now comes from another stream (a transferred call's new agent, the mix a monitored or conferenced
    /// customer hears): its timestamps have nothing to do with the last ones, so the next packet is placed by its arrival,
    /// as a leg's first is, and the timeline goes on from there.
    /// </summary>
    public void Resync(RecordingLeg leg)
    {
        lock (_lock) _legs[(int)leg].Resync();
    }

    /// <summary>Writes everything still pending and the final sizes; later packets are ignored.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            if (_completed) return;
            _completed = true;
            FlushTo(LatestEnd());
            _output.Position = 0;
            WavAudio.WriteHeader(_output, G711.SampleRate, Channels, _flushedFrames * Channels * 2);
            _output.Flush();
        }
    }

    public void Dispose()
    {
        Complete();
        _output.Dispose();
    }

    private long LatestEnd() => Math.Max(_legs[0].LatestEnd, _legs[1].LatestEnd);

    private void FlushTo(long target)
    {
        if (target <= _flushedFrames) return;
        var frames = (int)(target - _flushedFrames);
        var interleaved = new short[frames * Channels];
        for (var channel = 0; channel < Channels; channel++)
            _legs[channel].TakeInto(interleaved, channel, _flushedFrames, target);
        var bytes = new byte[interleaved.Length * 2];
        for (var i = 0; i < interleaved.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), interleaved[i]);
        _output.Position = 44 + _flushedFrames * Channels * 2;
        _output.Write(bytes);
        _flushedFrames = target;
    }

    /// <summary>One leg's pending packets keyed by their position in the recording (in samples from its start).</summary>
    private sealed class LegTrack
    {
        private readonly SortedDictionary<long, short[]> _pending = [];
        private long _offset;
        private uint _lastTimestamp;
        private long _lastExtended;
        private bool _started;

        public long LatestEnd { get; private set; }

        /// <summary>The packet's position: first-arrival offset plus its timestamp's distance from the leg's first.</summary>
        public long Place(uint timestamp, TimeSpan arrival)
        {
            if (!_started)
            {
                _started = true;
                _offset = (long)(arrival.TotalSeconds * G711.SampleRate);
                _lastTimestamp = timestamp;
            }
            // Signed 32-bit distance from the newest timestamp: handles wrap and late packets alike.
            var extended = _lastExtended + (int)(timestamp - _lastTimestamp);
            if (extended > _lastExtended)
            {
                _lastExtended = extended;
                _lastTimestamp = timestamp;
            }
            return _offset + extended;
        }

        public void Resync()
        {
            _started = false;
            _lastExtended = 0;
        }

        public void Add(long position, short[] samples)
        {
            _pending[position] = samples;
            LatestEnd = Math.Max(LatestEnd, position + samples.Length);
        }

        /// <summary>Copies the pending audio inside [from, to) into the channel; drops chunks that end by then.</summary>
        public void TakeInto(short[] interleaved, int channel, long from, long to)
        {
            List<long>? done = null;
            foreach (var (position, samples) in _pending)
            {
                if (position >= to) break;
                var first = Math.Max(position, from);
                var last = Math.Min(position + samples.Length, to);
                for (var at = first; at < last; at++)
                    interleaved[(at - from) * Channels + channel] = samples[at - position];
                if (position + samples.Length <= to) (done ??= []).Add(position);
            }
            if (done is not null)
                foreach (var position in done) _pending.Remove(position);
        }
    }
}
