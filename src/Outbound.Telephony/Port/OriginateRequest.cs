using Outbound.Core.Amd;

namespace Outbound.Telephony.Port;

/// <param name="Number">The number to call, E.164.</param>
/// <param name="CallerId">The number presented to the called party.</param>
/// <param name="RingTimeout">How long to ring before giving up (at least the regulator's minimum ring).</param>
/// <param name="DetectMachine">Run answering-machine detection before reporting the answer.</param>
/// <param name="Tag">The caller's own correlation value (e.g. lead and attempt), echoed in logs.</param>
/// <param name="Amd">The campaign's detection settings; null takes Asterisk's defaults.</param>
public sealed record OriginateRequest(
    string Number,
    string CallerId,
    TimeSpan RingTimeout,
    bool DetectMachine,
    string Tag = "",
    AmdOptions? Amd = null);

/// <summary>An agent's phone: a SIP URI for the Sip adapter, any name for the Simulated one.</summary>
public sealed record AgentEndpoint(string AgentId, string Uri);

public enum HangupCause
{
    Normal,
    /// <summary>No agent took a live answer in time: the information message was played.</summary>
    Abandoned,
    NoAnswerTimeout,
    Shutdown,
    /// <summary>The session was not refreshed in time (RFC 4028: a lost BYE, a dead phone or carrier): we ended it.</summary>
    SessionExpired,
}
