namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>What the OPTIONS keep-alive last learned about the carrier trunk.</summary>
public enum TrunkState { Unknown, Up, Down }
