using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.SipAdapter;

/// <summary>The trunk new calls go to, swapped as one piece so that a call never mixes an old host with new credentials.</summary>
internal sealed record TrunkRoute(SipTrunkSettings Settings, SipEndPoint Hop, SipTrunkMonitor? Monitor);
