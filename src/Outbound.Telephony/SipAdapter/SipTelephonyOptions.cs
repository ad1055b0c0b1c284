using System.ComponentModel.DataAnnotations;
using System.Net;
using Outbound.Core.Amd;
using Outbound.Telephony.Sip.Dialogs;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.SipAdapter;

/// <summary>
/// The platform's own side of the Sip adapter (bound from <c>Outbound:Telephony:Sip</c>); the trunk and the agents'
/// accounts are kept in the database and edited in the web admin.
/// </summary>
public sealed record SipTelephonyOptions
{
    public const string Section = "Outbound:Telephony:Sip";

    /// <summary>The address SIP and RTP bind to and advertise in Contact and SDP: a real interface, not 0.0.0.0.</summary>
    [Required] public string BindAddress { get; init; } = "127.0.0.1";
    /// <summary>SIP port for UDP and TCP (0: any free port, for tests).</summary>
    [Range(0, 65535)] public int SipPort { get; init; } = 5060;
    /// <summary>RTP port range a firewall opens; both 0: any even ephemeral port.</summary>
    [Range(0, 65535)] public int RtpPortFirst { get; init; }
    [Range(0, 65535)] public int RtpPortLast { get; init; }
    /// <summary>The digest realm agent phones register in; agents' stored HA1s are bound to it.</summary>
    [Required] public string Realm { get; init; } = "outbound";
    /// <summary>Offer SHA-256 before MD5 in challenges (RFC 8760); off because some phones (baresip 1.0) stop at the first algorithm they lack.</summary>
    public bool OfferSha256Digest { get; init; }
    /// <summary>Where prompts live: <c>{PromptFolder}/{promptId}.wav</c> (any PCM or G.711 WAV).</summary>
    public string PromptFolder { get; init; } = "prompts";
    /// <summary>How long an agent's phone may ring before the nailed-up leg is given up.</summary>
    public TimeSpan AgentRingTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A leg whose peer sends no RTP this long is hung up (a dead phone, a lost BYE).</summary>
    public TimeSpan RtpInactivityTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>How long a bridge waits for an agent's phone that is still picking up its nailed-up leg.</summary>
    public TimeSpan BridgeWait { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Longest wait for a prompt to finish before a hang-up cuts it.</summary>
    public TimeSpan PromptLimit { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Detection settings for originations that do not bring their campaign's.</summary>
    public AmdOptions Amd { get; init; } = AmdOptions.Default;
    /// <summary>What SIP peers may hold: connections, idle time, message and body size, header count.</summary>
    public SipTransportOptions Transport { get; init; } = SipTransportOptions.Default;
    /// <summary>Overload control in front of new INVITEs (503 with Retry-After at once when over capacity).</summary>
    public SipAdmissionOptions Admission { get; init; } = SipAdmissionOptions.Default;
    /// <summary>Session timers (RFC 4028) on customers' and agents' legs.</summary>
    public SessionTimerOptions SessionTimers { get; init; } = SessionTimerOptions.Default;
    /// <summary>Most phones one agent account may register at once; one more gets 503.</summary>
    [Range(1, 100)] public int MaxContactsPerAgent { get; init; } = 5;

    /// <summary>What data annotations cannot say: a concrete bind address, a sane RTP range, positive timeouts.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IPAddress.TryParse(BindAddress, out var address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            problems.Add($"{nameof(BindAddress)} must be the IP address of a real interface (it is advertised in SDP), not '{BindAddress}'");
        if ((RtpPortFirst == 0) != (RtpPortLast == 0) || RtpPortFirst > RtpPortLast || (RtpPortFirst > 0 && RtpPortLast - RtpPortFirst < 1))
            problems.Add($"{nameof(RtpPortFirst)}–{nameof(RtpPortLast)} must both be 0 or an ascending range");
        if (AgentRingTimeout <= TimeSpan.Zero || RtpInactivityTimeout <= TimeSpan.Zero || BridgeWait < TimeSpan.Zero || PromptLimit < TimeSpan.Zero)
            problems.Add("timeouts must be positive");
        problems.AddRange(Amd.Validate());
        problems.AddRange(Transport.Problems());
        problems.AddRange(Admission.Problems());
        problems.AddRange(SessionTimers.Problems());
        return problems;
    }
}
