using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Amd;
using Outbound.Telephony.Amd;
using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Sessions;
using Outbound.Telephony.Sdp;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.SipAdapter;

/// <summary>
/// The <see cref="ITelephony"/> port on the in-house SIP stack. Customer legs are INVITEs to the carrier trunk with
/// a G.711 offer; their final responses become the dialer's outcomes; with detection asked for, the answered audio
/// goes through <see cref="AmdMonitor"/> before the answer is reported. Agent legs are calls to the phone the agent
/// registered with our registrar, kept up for the whole session; a bridge joins the two RTP sessions, so an answered
/// customer reaches the agent without ringing. Recordings are stereo WAVs (customer left, agent right) written once
/// and then made read-only. Every leg owns one RTP session facing its peer. Customers calling a hotline number through
/// the trunk are answered onto legs of their own (SipTelephony.Inbound.cs).
/// </summary>
public sealed partial class SipTelephony : ITelephony, IAsyncDisposable
{
    private static readonly G711Law[] Codecs = [G711Law.MuLaw, G711Law.ALaw];
    private readonly SipTelephonyOptions _options;
    private readonly ILogger _logger;
    private readonly SipAgentDirectory _agents;
    private readonly TimeProvider _time;
    private readonly IPAddress _address;
    private readonly RtpPortRange? _rtpPorts;
    private readonly SipPrompts _prompts;
    private readonly ConcurrentDictionary<CallLegId, SipLeg> _legs = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, SipLeg> _dialledIn = new(StringComparer.Ordinal);
    private readonly Lock _joins = new();
    private readonly Dictionary<string, SipMixRoom> _rooms = new(StringComparer.Ordinal);
    private DigestServer? _agentAuth;
    private SipStack? _stack;
    private SipRegistrar? _registrar;
    private volatile TrunkRoute? _route;

    /// <param name="hotlines">Takes customers who call in through the trunk; none: such calls are refused (404).</param>
    public SipTelephony(SipTelephonyOptions options, SipAgentDirectory agents, TimeProvider time, IInboundCallHandler? hotlines = null,
        ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _hotlines = hotlines;
        _options = options;
        _agents = agents;
        _time = time;
        _address = IPAddress.Parse(options.BindAddress);
        _rtpPorts = options.RtpPortFirst > 0 ? new RtpPortRange(options.RtpPortFirst, options.RtpPortLast).Validated() : null;
        _prompts = new SipPrompts(options.PromptFolder);
    }

    public SipStack Stack => _stack ?? throw new InvalidOperationException("The Sip adapter has not been started.");
    public SipRegistrar Registrar => _registrar ?? throw new InvalidOperationException("The Sip adapter has not been started.");
    /// <summary>Down when no trunk is configured or the OPTIONS keep-alive lost it.</summary>
    public TrunkState TrunkState => _route is not { } route ? TrunkState.Down : route.Monitor?.State ?? TrunkState.Unknown;
    /// <summary>The trunk calls go to now; null when none is configured or its host did not resolve.</summary>
    public SipTrunkSettings? Trunk => _route?.Settings;
    public int LegsUp => _legs.Count;

    /// <summary>
    /// Binds SIP and starts the registrar, then resolves the trunk and starts its keep-alive. Without a trunk (none
    /// configured, or its host does not resolve) agents can still register, and every origination fails as trunk down.
    /// Operations called before the start wait for it.
    /// </summary>
    public async Task StartAsync(SipTrunkSettings? trunk, CancellationToken ct = default)
    {
        try
        {
            var transport = new SipTransport(new IPEndPoint(_address, _options.SipPort), _options.Transport, _time, _logger, _options.Admission);
            transport.Start();
            _stack = new SipStack(transport, _time, sessionTimers: _options.SessionTimers, logger: _logger);
            _stack.Capabilities = _stack.Capabilities.WithAllowed(SipMethods.Register);
            // baresip 1.0 (FINDINGS.md) gives up at a SHA-256 challenge it does not know: MD5 first unless told otherwise.
            IReadOnlyList<DigestAlgorithm> algorithms = _options.OfferSha256Digest ? [DigestAlgorithm.Sha256, DigestAlgorithm.Md5] : [DigestAlgorithm.Md5];
            // One server for REGISTER and for the agents' own calls in: one nonce table, one set of accounts.
            _agentAuth = new DigestServer(_options.Realm, _time, (user, algorithm) => _agents.Ha1(user, _options.Realm, algorithm), algorithms);
            _registrar = new SipRegistrar(_agentAuth, _time, RegistrarOptions.Default with { MaxContactsPerAor = _options.MaxContactsPerAgent }, transport);
            _stack.RequestReceived = OnRequest;
            await UseTrunkAsync(trunk, ct);
        }
        finally
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>
    /// Points new calls at <paramref name="trunk"/> (null: none) and restarts its keep-alive; calls already up keep
    /// the trunk they were placed on. Returns false when the host does not resolve: calls then fail as trunk down.
    /// </summary>
    public async Task<bool> UseTrunkAsync(SipTrunkSettings? trunk, CancellationToken ct = default)
    {
        TrunkRoute? route = null;
        if (trunk is not null && await ResolveAsync(trunk.Host, ct) is { } address)
        {
            var hop = new SipEndPoint(trunk.Transport, new IPEndPoint(address, trunk.Port));
            var monitor = trunk.OptionsInterval > TimeSpan.Zero
                ? new SipTrunkMonitor(Stack, SipUri.Create(null, trunk.Host, trunk.Port), hop, trunk.OptionsInterval)
                : null;
            route = new TrunkRoute(trunk, hop, monitor);
        }
        Interlocked.Exchange(ref _route, route)?.Monitor?.Dispose();
        route?.Monitor?.Start();
        return route is not null || trunk is null;
    }

    private static async Task<IPAddress?> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip)) return ip;
        try
        {
            return (await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, ct)).FirstOrDefault();
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private void OnRequest(IncomingRequest incoming)
    {
        switch (incoming.Request.Method)
        {
            case SipMethods.Register: Registrar.Handle(incoming); break;
            case SipMethods.Invite:
                if (!AcceptCustomerCall(incoming)) AcceptAgentCall(incoming);
                break;
            default: incoming.Respond(405); break;
        }
    }

    public async Task<CallLegId> OriginateAsync(OriginateRequest request, ITelephonyEventSink events, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Number);
        await _ready.Task.WaitAsync(ct);
        var leg = OpenLeg(events);
        if (_route is not { } route || route.Monitor?.State == TrunkState.Down)
        {
            _ = FailSoonAsync(leg, FailureReason.TrunkDown);
            return leg.Id;
        }
        var (trunk, hop) = (route.Settings, route.Hop);
        var callerId = string.IsNullOrWhiteSpace(request.CallerId) ? trunk.CallerId : request.CallerId;
        var target = SipUri.Create(request.Number, trunk.Host, trunk.Port);
        var from = new NameAddress { Uri = SipUri.Create(callerId, trunk.Host) };
        leg.Call = SipOutboundCall.Start(Stack, new SipOriginateRequest(target, from, Offer(leg), request.RingTimeout, hop, trunk.Credentials),
            (status, sdp) => OnProgress(leg, status, sdp));
        _ = FollowAsync(leg, request.DetectMachine ? request.Amd ?? _options.Amd : null, AnsweredBy.Unknown);
        return leg.Id;
    }

    /// <summary>
    /// Takes the call the agent's phone made in, if any; else calls the phone the agent registered (at the address its
    /// REGISTER came from). Answered follows when the leg is up; Failed Rejected when the agent has no SIP account,
    /// Failed Invalid when the phone is not registered.
    /// </summary>
    public async Task<CallLegId> ConnectAgentAsync(AgentEndpoint agent, ITelephonyEventSink events, CancellationToken ct = default)
    {
        await _ready.Task.WaitAsync(ct);
        if (_dialledIn.TryRemove(agent.AgentId, out var waiting) && !waiting.Ended)
        {
            // The agent's phone called in before the login: that call becomes the nailed-up leg.
            waiting.Sink = events;
            _ = AnnounceAsync(waiting);
            return waiting.Id;
        }
        var leg = OpenLeg(events);
        var username = _agents.ForAgent(agent.AgentId)?.Username;
        var platform = new NameAddress { DisplayName = "Outbound", Uri = SipUri.Create("outbound", _address.ToString(), Stack.Port) };
        var call = username is null ? null : SipAgentLegs.Dial(Stack, Registrar, username, platform, Offer(leg), _options.AgentRingTimeout);
        if (call is null)
        {
            _ = FailSoonAsync(leg, username is null ? FailureReason.Rejected : FailureReason.Invalid);
            return leg.Id;
        }
        leg.Call = call;
        _ = FollowAsync(leg, amd: null, AnsweredBy.Human);
        return leg.Id;
    }

    private async Task AnnounceAsync(SipLeg leg)
    {
        await Task.Yield();   // after ConnectAgentAsync returned the leg id
        Emit(leg, new TelephonyEvent.Answered(leg.Id, Now, AnsweredBy.Human));
    }

    /// <summary>
    /// An agent's phone calling in to nail up its own leg: digest-authenticated against the agents' accounts (401
    /// challenge as the registrar does), answered at once, and kept until the agent logs in or hangs up. A second
    /// call from the same agent replaces the first.
    /// </summary>
    private void AcceptAgentCall(IncomingRequest incoming)
    {
        var request = incoming.Request;
        var verdict = _agentAuth!.Verify(request, out var username);
        if (verdict is DigestVerdict.Missing or DigestVerdict.Stale)
        {
            incoming.Respond(_agentAuth.ChallengeFor(request, verdict == DigestVerdict.Stale));
            return;
        }
        if (verdict != DigestVerdict.Accepted || _agents.ForUsername(username!) is not { } account)
        {
            incoming.Respond(403);
            return;
        }
        if (TakeOffer(incoming) is not var (inbound, leg, answer)) return;
        // Findable before the answer goes out, so an agent logging in as the phone is answered finds this leg.
        if (_dialledIn.TryRemove(account.AgentId, out var earlier)) _ = CloseAsync(earlier, byRemote: false, HangupCause.Normal, sendBye: true);
        _dialledIn[account.AgentId] = leg;
        if (!inbound.Answer(answer))
        {
            _dialledIn.TryRemove(KeyValuePair.Create(account.AgentId, leg));
            _ = EndAsync(leg, new TelephonyEvent.Failed(leg.Id, Now, FailureReason.Rejected));   // 422: the phone asked for too short a session
            return;
        }
        leg.MarkAnswered();
        _ = WatchInboundAsync(leg, inbound, account.AgentId);
    }

    /// <summary>
    /// Opens a leg for an INVITE we answer: its RTP session on the offer's G.711 codec, DTMF by INFO wired, BYE ready; its
    /// events go nowhere until a sink is set. Null, after a 488, when the offer has no codec in common.
    /// </summary>
    private (SipInboundCall Call, SipLeg Leg, string AnswerSdp)? TakeOffer(IncomingRequest incoming)
    {
        var inbound = new SipInboundCall(Stack, incoming);
        var leg = OpenLeg(IgnoredEvents.Instance);
        var answer = inbound.OfferSdp is { } offer ? Answer(leg, offer) : null;
        if (answer?.Audio is not { } audio)
        {
            inbound.Reject(488);
            _ = EndAsync(leg, new TelephonyEvent.Failed(leg.Id, Now, FailureReason.Rejected));
            return null;
        }
        leg.Audio = audio;
        leg.Media.Apply(audio);
        leg.Media.Start();
        leg.SendBye = () => inbound.HangupAsync();
        inbound.InfoReceived += info =>
        {
            if (SipDtmfInfo.Digit(info) is { } digit) Emit(leg, new TelephonyEvent.DtmfReceived(leg.Id, Now, digit));
        };
        return (inbound, leg, answer.Answer.ToString());
    }

    private static SdpAnswerResult? Answer(SipLeg leg, string offer)
    {
        try
        {
            return SdpOfferAnswer.CreateAnswer(SessionDescription.Parse(offer), leg.Media.LocalEndPoint, (ulong)Random.Shared.NextInt64(1, long.MaxValue), 1, Codecs);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Closes a leg we answered when its caller hangs up (BYE, CANCEL, no ACK) or its session expires; a dialled-in agent
    /// leg also leaves <see cref="_dialledIn"/>.
    /// </summary>
    private async Task WatchInboundAsync(SipLeg leg, SipInboundCall inbound, string? agentId)
    {
        var how = await inbound.Ended;
        if (agentId is not null) _dialledIn.TryRemove(KeyValuePair.Create(agentId, leg));
        await CloseEndedAsync(leg, how);
    }

    /// <summary>
    /// A leg whose SIP side ended on its own: the far end hung up, never acknowledged, or let the session expire (the
    /// session already sent BYE where one was due). Our own hang-up is already closing the leg.
    /// </summary>
    private Task CloseEndedAsync(SipLeg leg, SipCallEnd how) => how switch
    {
        SipCallEnd.Remote or SipCallEnd.NoAck or SipCallEnd.Cancelled => CloseAsync(leg, byRemote: true, HangupCause.Normal, sendBye: false),
        SipCallEnd.SessionExpired => CloseAsync(leg, byRemote: false, HangupCause.SessionExpired, sendBye: false),
        _ => Task.CompletedTask,
    };

    /// <summary>Events of a leg nobody listens to yet: a dialled-in leg before its agent logs in, a caller before its hotline takes it.</summary>
    private sealed class IgnoredEvents : ITelephonyEventSink
    {
        public static readonly IgnoredEvents Instance = new();
        public void On(TelephonyEvent telephonyEvent) { }
    }

    /// <summary>Joins the two legs' media; an agent's phone still picking up its leg (just after login) is waited for a moment.</summary>
    public async Task BridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default)
    {
        var (c, a) = (Find(customer), Find(agent));
        if (!c.Answered || !a.Answered)
            await Task.WhenAny(Task.WhenAll(c.AnsweredTask, a.AnsweredTask), c.EndedTask, a.EndedTask, Task.Delay(_options.BridgeWait, _time, ct));
        if (!c.Answered || !a.Answered || c.Ended || a.Ended)
            throw new InvalidOperationException($"Legs {customer} and {agent} must both be up to be bridged.");
        lock (_joins)
        {
            Isolate(c);
            Isolate(a);
            var bridge = c.Media.BridgeTo(a.Media);
            (c.Partner, a.Partner, c.Bridge, a.Bridge) = (a, c, bridge, bridge);
            if (c.Recording is { Channel: RecordingLeg.A } tap)
            {
                a.Recording = tap with { Channel = RecordingLeg.B };
                tap.Recording.Recorder.Resync(RecordingLeg.B); // another phone (a transfer) or back from a mix: new timestamps
            }
        }
        var now = Now;
        Emit(c, new TelephonyEvent.Bridged(c.Id, now, a.Id));
        Emit(a, new TelephonyEvent.Bridged(a.Id, now, c.Id));
    }

    public Task UnbridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default)
    {
        if (_legs.TryGetValue(customer, out var c))
            lock (_joins) Part(c);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sets the parts of a mix (<see cref="SipMixRoom"/>): named legs leave their bridge, hold or other mix and join this
    /// one; an empty list dissolves it. A recorded leg in a mix keeps its own side on the left channel and what the mix
    /// sends it (everyone it hears) on the right.
    /// </summary>
    public Task MixAsync(string room, IReadOnlyList<MixPart> parts, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(room);
        var legs = parts.Select(p => (Leg: Find(p.Leg), Part: p)).ToList();
        if (legs.FirstOrDefault(l => !l.Leg.Answered).Leg is { } down)
            throw new InvalidOperationException($"Leg {down.Id} is not answered and cannot be mixed.");
        SipMixRoom? dissolved = null;
        lock (_joins)
        {
            foreach (var (leg, _) in legs)
            {
                Part(leg);
                EndHold(leg);
                if (leg.Room is { } other && other.Name != room) other.Remove(leg);
            }
            if (!_rooms.TryGetValue(room, out var mix))
            {
                if (legs.Count == 0) return Task.CompletedTask;
                _rooms[room] = mix = new SipMixRoom(room, _time);
            }
            mix.Set(legs);
            if (mix.IsEmpty)
            {
                _rooms.Remove(room);
                dissolved = mix;
            }
        }
        return dissolved is null ? Task.CompletedTask : dissolved.DisposeAsync().AsTask();
    }

    /// <summary>Parts the leg from its bridge or mix and loops <c>{PromptFolder}/{musicPromptId}.wav</c> to it (silence if there is no such file).</summary>
    public Task HoldAsync(CallLegId leg, string musicPromptId, CancellationToken ct = default)
    {
        var l = Find(leg);
        var frames = _prompts.Frames(musicPromptId);
        CancellationTokenSource hold;
        lock (_joins)
        {
            Isolate(l);
            l.Hold = hold = CancellationTokenSource.CreateLinkedTokenSource(l.Stop.Token);
        }
        _ = LoopMusicAsync(l, frames, hold.Token);
        return Task.CompletedTask;
    }

    private static async Task LoopMusicAsync(SipLeg leg, IReadOnlyList<short[]> frames, CancellationToken held)
    {
        try
        {
            if (frames.Count == 0) await Task.Delay(Timeout.Infinite, held);
            while (!held.IsCancellationRequested) await leg.Media.PlayAsync(frames, held);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Retrieved, or the leg ended on hold.
        }
    }

    public Task RetrieveAsync(CallLegId leg, CancellationToken ct = default)
    {
        if (_legs.TryGetValue(leg, out var l))
            lock (_joins) EndHold(l);
        return Task.CompletedTask;
    }

    /// <summary>Takes a leg out of whatever it was joined to (bridge, mix, hold); callers hold <c>_joins</c>.</summary>
    private void Isolate(SipLeg leg)
    {
        Part(leg);
        Unmix(leg);
        EndHold(leg);
    }

    /// <summary>Stops a leg's music on hold. Call under <see cref="_joins"/>.</summary>
    private static void EndHold(SipLeg leg)
    {
        if (leg.Hold is not { } hold) return;
        leg.Hold = null;
        hold.Cancel();
        hold.Dispose();
    }

    /// <summary>Takes a leg out of its mix; the mix ends with its last part. Call under <see cref="_joins"/>.</summary>
    private void Unmix(SipLeg leg)
    {
        if (leg.Room is not { } room) return;
        room.Remove(leg);
        if (!room.IsEmpty) return;
        _rooms.Remove(room.Name);
        _ = room.DisposeAsync().AsTask();
    }

    /// <summary>Plays <c>{PromptFolder}/{promptId}.wav</c>; a hang-up asked for meanwhile waits for it to finish.</summary>
    public Task PlayPromptAsync(CallLegId leg, string promptId, CancellationToken ct = default)
    {
        var l = Find(leg);
        l.Prompt = PlayAsync(l, _prompts.Frames(promptId), promptId);
        return Task.CompletedTask;
    }

    private async Task PlayAsync(SipLeg leg, IReadOnlyList<short[]> frames, string promptId)
    {
        try
        {
            await leg.Media.PlayAsync(frames, leg.Stop.Token);
        }
        catch (ObjectDisposedException)
        {
            // The leg ended under the prompt.
        }
        Emit(leg, new TelephonyEvent.PromptFinished(leg.Id, Now, promptId));
    }

    /// <summary>
    /// Records the leg (left channel) and whatever it is bridged to (right channel) into a new WAV at
    /// <paramref name="path"/>; an existing file is never overwritten.
    /// </summary>
    public Task StartRecordingAsync(CallLegId leg, string path, CancellationToken ct = default)
    {
        var l = Find(leg);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        lock (_joins)
        {
            if (l.Recording is not null) throw new InvalidOperationException($"Leg {leg} is already being recorded.");
            var recording = new LegRecording(new StereoCallRecorder(full, _time), full);
            l.Recording = new RecordingTap(recording, RecordingLeg.A);
            if (l.Partner is { } partner) partner.Recording = new RecordingTap(recording, RecordingLeg.B);
        }
        return Task.CompletedTask;
    }

    public Task StopRecordingAsync(CallLegId leg, CancellationToken ct = default)
    {
        if (_legs.TryGetValue(leg, out var l) && Detach(l) is { } recording && recording.Complete())
            Emit(l, new TelephonyEvent.RecordingStopped(l.Id, Now, recording.Path));
        return Task.CompletedTask;
    }

    /// <summary>Answered legs get BYE (after a prompt in progress); ringing ones are cancelled and end when the trunk confirms.</summary>
    public async Task HangUpAsync(CallLegId leg, HangupCause cause = HangupCause.Normal, CancellationToken ct = default)
    {
        if (!_legs.TryGetValue(leg, out var l)) return;
        l.LocalHangup ??= cause;
        if (l.Answered) await CloseAsync(l, byRemote: false, cause, sendBye: true);
        else l.Call?.Cancel();
    }

    private SipLeg OpenLeg(ITelephonyEventSink sink)
    {
        var media = RtpSession.Open(new IPEndPoint(_address, 0), new RtpSessionOptions { InactivityTimeout = _options.RtpInactivityTimeout }, _time, _rtpPorts);
        var leg = new SipLeg(CallLegId.New(), sink, media);
        media.PacketReceived += (in RtpHeader header, ReadOnlySpan<byte> payload) => Record(leg, header, payload);
        media.DtmfReceived += digit => Emit(leg, new TelephonyEvent.DtmfReceived(leg.Id, Now, digit.Digit));
        media.InactivityTimedOut += () =>
        {
            if (leg.Answered) _ = CloseAsync(leg, byRemote: true, HangupCause.Normal, sendBye: true);
        };
        _legs[leg.Id] = leg;
        return leg;
    }

    private static void Record(SipLeg leg, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (leg.Recording is { } tap && leg.Audio is { } audio && header.PayloadType == audio.PayloadType)
            tap.Recording.Recorder.AddPacket(tap.Channel, header.Timestamp, payload, audio.Law);
    }

    private static string Offer(SipLeg leg) =>
        SdpOfferAnswer.CreateOffer(leg.Media.LocalEndPoint, (ulong)Random.Shared.NextInt64(1, long.MaxValue), 1, Codecs).ToString();

    private static NegotiatedAudio? ReadAnswer(string sdp)
    {
        try
        {
            return SdpOfferAnswer.ReadAnswer(SessionDescription.Parse(sdp), Codecs);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private void OnProgress(SipLeg leg, int status, string? sdp)
    {
        if (status == 183 && sdp is not null && ReadAnswer(sdp) is { } early)
        {
            // Ring-back and carrier announcements come as early media: receive them so the session learns the peer.
            leg.Audio = early;
            leg.Media.Apply(early);
            leg.Media.Start();
            Emit(leg, new TelephonyEvent.EarlyMedia(leg.Id, Now));
        }
        else if (status is >= 180 and <= 183) Emit(leg, new TelephonyEvent.Ringing(leg.Id, Now));
    }

    private async Task FollowAsync(SipLeg leg, AmdOptions? amd, AnsweredBy answeredBy)
    {
        var call = leg.Call!;
        leg.SendBye = () => call.HangupAsync();
        call.InfoReceived += info =>
        {
            if (SipDtmfInfo.Digit(info) is { } digit) Emit(leg, new TelephonyEvent.DtmfReceived(leg.Id, Now, digit));
        };
        try
        {
            var result = await call.Setup;
            var audio = result.Outcome == CallOutcome.Answered && result.AnswerSdp is { } sdp ? ReadAnswer(sdp) : null;
            if (audio is null)
            {
                // A 2xx without usable audio is a media failure: end the dialog it opened.
                if (result.Outcome == CallOutcome.Answered) await call.HangupAsync();
                await EndAsync(leg, leg.LocalHangup is { } cause
                    ? new TelephonyEvent.HungUp(leg.Id, Now, ByRemote: false, cause)
                    : new TelephonyEvent.Failed(leg.Id, Now, result.Outcome == CallOutcome.Answered ? FailureReason.Congestion : SipFailureReasons.From(result.Outcome)));
                return;
            }
            leg.Audio = audio;
            leg.Media.Apply(audio);
            leg.Media.Start();
            leg.MarkAnswered();
            _ = WatchRemoteHangupAsync(leg, call);
            if (leg.LocalHangup is { } wanted)
            {
                await CloseAsync(leg, byRemote: false, wanted, sendBye: true);
                return;
            }
            if (amd is not null) answeredBy = await DetectAsync(leg, amd);
            Emit(leg, new TelephonyEvent.Answered(leg.Id, Now, answeredBy));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            await EndAsync(leg, new TelephonyEvent.Failed(leg.Id, Now, FailureReason.Congestion));
        }
    }

    /// <summary>Runs detection on the answered audio until a verdict, the total analysis time (+1 s of slack) or the far end hanging up.</summary>
    private async Task<AnsweredBy> DetectAsync(SipLeg leg, AmdOptions options)
    {
        using var monitor = new AmdMonitor(options, _time);
        void OnAudio(uint timestamp, short[] samples) => monitor.OnAudio(timestamp, samples);
        leg.Media.AudioReceived += OnAudio;
        try
        {
            var limit = Task.Delay(TimeSpan.FromMilliseconds(options.TotalAnalysisTimeMs) + TimeSpan.FromSeconds(1), _time);
            if (await Task.WhenAny(monitor.Decision, leg.EndedTask, limit) != monitor.Decision) return AnsweredBy.Unknown;
            var result = await monitor.Decision;
            return result.Verdict switch
            {
                AmdVerdict.Human => AnsweredBy.Human,
                AmdVerdict.Machine => AnsweredBy.Machine,
                _ => AnsweredBy.Unknown,
            };
        }
        finally
        {
            leg.Media.AudioReceived -= OnAudio;
        }
    }

    private async Task WatchRemoteHangupAsync(SipLeg leg, SipOutboundCall call) => await CloseEndedAsync(leg, await call.Ended);

    private async Task FailSoonAsync(SipLeg leg, FailureReason reason)
    {
        await Task.Yield();   // after OriginateAsync returned the leg id
        await EndAsync(leg, new TelephonyEvent.Failed(leg.Id, Now, reason));
    }

    /// <summary>Ends a leg that never got answered.</summary>
    private async Task EndAsync(SipLeg leg, TelephonyEvent last)
    {
        if (!leg.TryEnd()) return;
        _legs.TryRemove(leg.Id, out _);
        await leg.Stop.CancelAsync();
        await leg.Media.DisposeAsync();
        leg.Sink.On(last);
    }

    /// <summary>Ends an answered leg: lets a prompt finish (when we hang up), parts it, completes its recording, sends BYE.</summary>
    private async Task CloseAsync(SipLeg leg, bool byRemote, HangupCause cause, bool sendBye)
    {
        if (leg.Ended) return;
        if (!byRemote && !leg.Prompt.IsCompleted)
            await Task.WhenAny(leg.Prompt, Task.Delay(_options.PromptLimit, _time));
        if (!leg.TryEnd()) return;
        _legs.TryRemove(leg.Id, out _);
        await leg.Stop.CancelAsync();
        lock (_joins)
        {
            Isolate(leg);
        }
        if (Detach(leg) is { } recording && recording.Complete())
            leg.Sink.On(new TelephonyEvent.RecordingStopped(leg.Id, Now, recording.Path));
        if (sendBye && leg.SendBye is { } bye) await bye();
        await leg.Media.DisposeAsync();
        leg.Sink.On(new TelephonyEvent.HungUp(leg.Id, Now, byRemote, cause));
    }

    /// <summary>Parts a leg from its bridge partner; the partner stops feeding the leg's recording. Call under <see cref="_joins"/>.</summary>
    private static void Part(SipLeg leg)
    {
        if (leg.Partner is not { } partner) return;
        leg.Bridge?.Dispose();
        if (partner.Recording is { } theirs && ReferenceEquals(theirs.Recording, leg.Recording?.Recording)) partner.Recording = null;
        if (leg.Recording is { Channel: RecordingLeg.B } mine && ReferenceEquals(mine.Recording, partner.Recording?.Recording)) leg.Recording = null;
        (leg.Partner, leg.Bridge, partner.Partner, partner.Bridge) = (null, null, null, null);
    }

    /// <summary>Stops a leg feeding its recording; returns the recording when this leg started it (and so completes it).</summary>
    private LegRecording? Detach(SipLeg leg)
    {
        lock (_joins)
        {
            if (leg.Recording is not { } tap) return null;
            leg.Recording = null;
            if (leg.Partner is { Recording: { } theirs } partner && ReferenceEquals(theirs.Recording, tap.Recording)) partner.Recording = null;
            return tap.Channel == RecordingLeg.A ? tap.Recording : null;
        }
    }

    private SipLeg Find(CallLegId id) =>
        _legs.TryGetValue(id, out var leg) ? leg : throw new InvalidOperationException($"No live leg {id}.");

    private static void Emit(SipLeg leg, TelephonyEvent e)
    {
        if (!leg.Ended) leg.Sink.On(e);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var leg in _legs.Values.ToList())
        {
            leg.LocalHangup ??= HangupCause.Shutdown;
            if (!leg.Answered)
            {
                leg.Call?.Cancel();
                await EndAsync(leg, new TelephonyEvent.HungUp(leg.Id, Now, ByRemote: false, HangupCause.Shutdown));
                continue;
            }
            try
            {
                await CloseAsync(leg, byRemote: false, HangupCause.Shutdown, sendBye: true).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                // The peer did not answer the BYE: shutting down anyway.
            }
        }
        List<SipMixRoom> rooms;
        lock (_joins)
        {
            rooms = _rooms.Values.ToList();
            _rooms.Clear();
        }
        foreach (var room in rooms) await room.DisposeAsync();
        _route?.Monitor?.Dispose();
        if (_stack is not null) await _stack.DisposeAsync();
    }
}
