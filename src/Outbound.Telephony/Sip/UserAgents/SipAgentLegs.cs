using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// Calls an agent's registered softphone to set up the leg that stays nailed up for the whole session: the
/// newest live binding is dialled at the address its REGISTER came from (so a phone behind NAT is reached).
/// </summary>
public static class SipAgentLegs
{
    /// <summary>The call to the agent, or null when the agent has no live registration.</summary>
    public static SipOutboundCall? Dial(SipStack stack, SipRegistrar registrar, string agentUser, NameAddress platformIdentity,
        string? sdpOffer, TimeSpan ringTimeout)
    {
        var binding = registrar.Lookup(agentUser).MaxBy(b => b.ExpiresAt);
        return binding is null
            ? null
            : SipOutboundCall.Start(stack, new SipOriginateRequest(binding.Contact, platformIdentity, sdpOffer, ringTimeout, binding.Source));
    }
}
