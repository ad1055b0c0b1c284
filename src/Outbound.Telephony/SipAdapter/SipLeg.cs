using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Sessions;
using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.SipAdapter;

/// <summary>A recording a leg feeds, and which channel its audio goes to.</summary>
internal sealed record RecordingTap(LegRecording Recording, RecordingLeg Channel);

/// <summary>One stereo WAV being written; completed once, then made read-only.</summary>
internal sealed class LegRecording(StereoCallRecorder recorder, string path)
{
    private int _completed;
    public StereoCallRecorder Recorder => recorder;
    public string Path => path;

    /// <summary>Writes the rest and the header, then takes away write permission: a recording is never changed after the call.</summary>
    public bool Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1) return false;
        recorder.Dispose();
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return true;
    }
}

/// <summary>
/// One leg of the Sip adapter: the SIP call (to the trunk or to an agent's phone), the RTP session facing its
/// peer, what the two negotiated, and what it is joined to (a bridge partner, a recording, a prompt playing).
/// </summary>
internal sealed class SipLeg(CallLegId id, ITelephonyEventSink sink, RtpSession media)
{
    private volatile ITelephonyEventSink _sink = sink;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answeredSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _endedFlag;
    private int _answered;

    public CallLegId Id => id;
    /// <summary>Where events go; an agent's dialled-in leg gets its session's sink at login.</summary>
    public ITelephonyEventSink Sink
    {
        get => _sink;
        set => _sink = value;
    }
    public RtpSession Media => media;
    /// <summary>The call to the trunk or to an agent's phone; null for a leg the agent dialled in.</summary>
    public SipOutboundCall? Call { get; set; }
    /// <summary>Ends the established dialog (BYE), whichever side set it up.</summary>
    public Func<Task>? SendBye { get; set; }
    public NegotiatedAudio? Audio { get; set; }
    public bool Answered => Volatile.Read(ref _answered) == 1;
    /// <summary>Set when the dialer asked to hang up: the cause the final HungUp carries.</summary>
    public HangupCause? LocalHangup { get; set; }
    public SipLeg? Partner { get; set; }
    public IDisposable? Bridge { get; set; }
    public RecordingTap? Recording { get; set; }
    /// <summary>The mix the leg is in, if any (then it has no bridge partner).</summary>
    public SipMixRoom? Room { get; set; }
    /// <summary>Set while the leg is on hold: cancelling it stops the music.</summary>
    public CancellationTokenSource? Hold { get; set; }
    public Task Prompt { get; set; } = Task.CompletedTask;
    public CancellationTokenSource Stop { get; } = new();

    public bool Ended => Volatile.Read(ref _endedFlag) == 1;
    public Task EndedTask => _ended.Task;

    public Task AnsweredTask => _answeredSignal.Task;

    public void MarkAnswered()
    {
        Volatile.Write(ref _answered, 1);
        _answeredSignal.TrySetResult();
    }

    /// <summary>True for the one caller that gets to end the leg.</summary>
    public bool TryEnd()
    {
        if (Interlocked.Exchange(ref _endedFlag, 1) == 1) return false;
        _ended.TrySetResult();
        return true;
    }
}
