using Outbound.Telephony.Port;

namespace Outbound.Telephony;

/// <summary>
/// The dialer's view of telephony (DESIGN.md, "Telephony port"). Two adapters implement it:
/// <c>Simulated</c> (seeded outcomes, real or virtual time) and <c>Sip</c> (a carrier trunk and the
/// agents' softphones). Progress comes back as <see cref="TelephonyEvent"/>s on the sink passed
/// when a leg is created; sinks must be cheap and thread-safe (an actor's Tell is).
/// </summary>
public interface ITelephony
{
    /// <summary>Places an outbound call. Returns at once; ringing, answer or failure arrive on <paramref name="events"/>.</summary>
    Task<CallLegId> OriginateAsync(OriginateRequest request, ITelephonyEventSink events, CancellationToken ct = default);

    /// <summary>
    /// Registers an agent's phone and sets up the nailed-up leg: the phone stays connected for the whole
    /// session so that an answered call can be bridged without ringing the agent.
    /// </summary>
    Task<CallLegId> ConnectAgentAsync(AgentEndpoint agent, ITelephonyEventSink events, CancellationToken ct = default);

    /// <summary>Joins the media of two legs (a customer leg and an agent's nailed-up leg).</summary>
    Task BridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default);

    /// <summary>Ends a bridge; both legs stay up (the agent's nailed-up leg goes back to silence).</summary>
    Task UnbridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default);

    /// <summary>
    /// Sets who is in the mix <paramref name="room"/> and how (<see cref="MixMode"/>): each leg hears the sum of the parts
    /// it is allowed to hear, never itself (mix-minus). Legs named leave any bridge or other mix they were in; legs that
    /// were in the room and are no longer named go silent (an empty list dissolves the room). A held leg named here is
    /// retrieved. Two full parts is a bridge; listen and whisper parts and a third party need a mix.
    /// </summary>
    Task MixAsync(string room, IReadOnlyList<MixPart> parts, CancellationToken ct = default);

    /// <summary>
    /// Puts a leg on hold: it leaves its bridge or mix (so the other side hears nothing from it and it hears nothing of
    /// them) and hears <paramref name="musicPromptId"/> in a loop until <see cref="RetrieveAsync"/>.
    /// </summary>
    Task HoldAsync(CallLegId leg, string musicPromptId, CancellationToken ct = default);

    /// <summary>Stops a held leg's music; it stays silent until bridged or mixed again.</summary>
    Task RetrieveAsync(CallLegId leg, CancellationToken ct = default);

    /// <summary>Plays a prompt (an id the adapter resolves to audio) to one leg; <see cref="TelephonyEvent.PromptFinished"/> follows.</summary>
    Task PlayPromptAsync(CallLegId leg, string promptId, CancellationToken ct = default);

    Task StartRecordingAsync(CallLegId leg, string path, CancellationToken ct = default);

    Task StopRecordingAsync(CallLegId leg, CancellationToken ct = default);

    /// <summary>Hangs up one leg; a <see cref="TelephonyEvent.HungUp"/> follows on its sink.</summary>
    Task HangUpAsync(CallLegId leg, HangupCause cause = HangupCause.Normal, CancellationToken ct = default);
}

/// <summary>Receives the progress of the legs it was registered for.</summary>
public interface ITelephonyEventSink
{
    void On(TelephonyEvent telephonyEvent);
}
